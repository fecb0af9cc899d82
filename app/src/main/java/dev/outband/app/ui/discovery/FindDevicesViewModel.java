package dev.outband.app.ui.discovery;

import dev.outband.app.discovery.DiscoveredDeviceAdder;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.ui.Background;
import dev.outband.wsman.discovery.AddressRange;
import dev.outband.wsman.discovery.DiscoveredDevice;
import dev.outband.wsman.discovery.DiscoveryScan;
import dev.outband.wsman.discovery.DiscoverySettings;
import dev.outband.wsman.discovery.ScanResult;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Find devices window's state: one scan at a time off the FX thread, its findings shown as they come
 * (progress coalesced to one FX update at a time), and the chosen ones added with one credential.
 */
public final class FindDevicesViewModel {
    private final Background background;
    private final Supplier<DeviceRepository> repository;
    private final Consumer<List<Device>> added;
    private final DiscoverySettings base;
    private final Executor fx;

    private final StringProperty range = new SimpleStringProperty("");
    private final IntegerProperty rate = new SimpleIntegerProperty();
    private final IntegerProperty concurrency = new SimpleIntegerProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("Enter a range such as 192.168.1.0/24 or "
            + "192.168.1.10-192.168.1.60, then Scan.");
    private final ObservableList<DiscoveredDevice> found = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty("admin");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty pinSeenCertificates = new SimpleBooleanProperty(true);
    private DiscoveryScan scan;

    /**
     * @param base ports and timeouts of every scan (rate and concurrency are the user's)
     * @param added called on the FX thread with the devices stored, so the device list shows them
     * @param fx where findings are shown (Platform::runLater)
     */
    public FindDevicesViewModel(Background background, Supplier<DeviceRepository> repository,
            Consumer<List<Device>> added, DiscoverySettings base, Executor fx) {
        this.background = background;
        this.repository = repository;
        this.added = added;
        this.base = base;
        this.fx = fx;
        rate.set(base.hostsPerSecond());
        concurrency.set(base.concurrency());
    }

    /** Starts a scan of the range typed; a range that does not parse is said in the status line. */
    public void scan() {
        if (running.get()) {
            return;
        }
        AddressRange addresses;
        DiscoverySettings settings;
        try {
            addresses = AddressRange.parse(range.get());
            settings = base.withRate(rate.get()).withConcurrency(concurrency.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        found.clear();
        progress.set(0);
        running.set(true);
        status.set("Scanning " + addresses + " (" + addresses.size() + " addresses)…");
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean progressQueued = new AtomicBoolean();
        DiscoveryScan current = new DiscoveryScan(addresses, settings, new DiscoveryScan.Listener() {
            @Override
            public void progress(int hosts, int total) {
                done.accumulateAndGet(hosts, Math::max);
                // One FX update in flight at most, however fast hosts finish.
                if (progressQueued.compareAndSet(false, true)) {
                    fx.execute(() -> {
                        progressQueued.set(false);
                        if (running.get()) {
                            progress.set(done.get() / (double) total);
                            status.set("Scanning " + addresses + ": " + done.get() + " of " + total
                                    + " probed, " + found.size() + " found");
                        }
                    });
                }
            }

            @Override
            public void found(DiscoveredDevice device) {
                fx.execute(() -> show(device));
            }
        });
        scan = current;
        background.submit(current::run, result -> finished(current, result), failure -> {
            running.set(false);
            status.set("The scan failed: " + failure.getMessage());
        });
    }

    public void cancel() {
        if (scan != null) {
            scan.cancel();
        }
    }

    /** Adds the chosen devices with the credentials typed; the outcome is said in the status line. */
    public void add(List<DiscoveredDevice> chosen) {
        if (chosen.isEmpty() || running.get()) {
            return;
        }
        String u = user.get() == null || user.get().isBlank() ? null : user.get().strip();
        String p = password.get();
        DiscoveredDeviceAdder.TlsTrust trust = pinSeenCertificates.get() ? DiscoveredDeviceAdder.TlsTrust.PIN_SEEN
                : DiscoveredDeviceAdder.TlsTrust.VERIFY;
        List<DiscoveredDevice> copy = List.copyOf(chosen);
        background.run("Add found devices",
                () -> DiscoveredDeviceAdder.add(repository.get(), copy, u, p, trust, List.of()),
                outcomes -> {
                    List<Device> stored = outcomes.stream().filter(DiscoveredDeviceAdder.Outcome::ok)
                            .map(DiscoveredDeviceAdder.Outcome::added).toList();
                    added.accept(stored);
                    List<String> refused = outcomes.stream().filter(o -> !o.ok())
                            .map(o -> o.found().address() + ": " + o.problem()).toList();
                    status.set("Added " + stored.size() + (stored.size() == 1 ? " device" : " devices")
                            + (refused.isEmpty() ? "." : "; not added: " + String.join("; ", refused)));
                });
    }

    /**
     * Updates the row of this address, or inserts it in address order; an unchanged row is left alone so the
     * rows the technician selected stay selected while answers come in.
     */
    private void show(DiscoveredDevice device) {
        for (int i = 0; i < found.size(); i++) {
            DiscoveredDevice row = found.get(i);
            if (row.address().equals(device.address())) {
                if (!row.equals(device)) {
                    found.set(i, device);
                }
                return;
            }
            if (DiscoveredDevice.BY_ADDRESS.compare(row, device) > 0) {
                found.add(i, device);
                return;
            }
        }
        found.add(device);
    }

    private void finished(DiscoveryScan finished, ScanResult result) {
        if (scan != finished) {
            return;
        }
        result.devices().forEach(this::show);
        running.set(false);
        progress.set(result.cancelled() ? progress.get() : 1);
        status.set(result.summary() + (result.devices().isEmpty() ? "." : ". Select rows, then Add selected."));
    }

    public StringProperty range() {
        return range;
    }

    public IntegerProperty rate() {
        return rate;
    }

    public IntegerProperty concurrency() {
        return concurrency;
    }

    public BooleanProperty running() {
        return running;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public StringProperty status() {
        return status;
    }

    public ObservableList<DiscoveredDevice> found() {
        return found;
    }

    public StringProperty user() {
        return user;
    }

    public StringProperty password() {
        return password;
    }

    public BooleanProperty pinSeenCertificates() {
        return pinSeenCertificates;
    }
}
