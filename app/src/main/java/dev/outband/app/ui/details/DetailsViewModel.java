package dev.outband.app.ui.details;

import dev.outband.app.amt.DeviceReader;
import dev.outband.app.amt.ManagedDevice;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.trust.CertificateTrust;
import dev.outband.wsman.WsmanException.CertificateRejected;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.power.PowerStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

/**
 * The details of the one selected device, each section read on its own so one failure leaves the
 * others standing. A newer selection cancels the reads of the older one and ignores whatever of them
 * still arrives, so a quick click through the list never shows one device's data under another's name.
 */
public final class DetailsViewModel {
    /** Opens a reader for one device; blocking, called off the FX thread. */
    @FunctionalInterface
    public interface Opener {
        DeviceReader open(Device device) throws IOException;
    }

    /** One blocking call on the shown device, for the pages beside the sections read here. */
    @FunctionalInterface
    public interface DeviceCall<T> {
        T call(ManagedDevice device) throws Exception;
    }

    /** Stores new credentials for a device (blocking, off the FX thread); returns the device as saved. */
    @FunctionalInterface
    public interface CredentialStore {
        Device save(Device device, String user, String password) throws IOException;
    }

    /** Offers to pin a certificate the device presented; {@code afterPin} gets the device as saved. */
    @FunctionalInterface
    public interface CertificateOffer {
        void offer(Device device, CertificateRejected rejected, Consumer<Device> afterPin);
    }

    private final Background background;
    private final Opener opener;
    private final CertificateOffer certificateOffer;
    private final CredentialStore credentials;
    private final ObjectProperty<CertificateRejected> refusedCertificate = new SimpleObjectProperty<>();
    private final BiConsumer<Long, DeviceState> learned;
    private final ObjectProperty<Device> device = new SimpleObjectProperty<>();
    private final ObjectProperty<Load<AmtIdentity>> identity = new SimpleObjectProperty<>(Load.pending());
    private final ObjectProperty<Load<PowerStatus>> power = new SimpleObjectProperty<>(Load.pending());
    private final ObjectProperty<Load<HardwareInventory>> hardware = new SimpleObjectProperty<>(Load.pending());
    private final ObjectProperty<Load<List<EventRecord>>> events = new SimpleObjectProperty<>(Load.pending());
    private final ObjectProperty<Load<List<AuditRecord>>> audit = new SimpleObjectProperty<>(Load.pending());
    private final List<Task<?>> running = new ArrayList<>();
    private final LongProperty reads = new SimpleLongProperty();
    private Connection connection;
    private long generation;

    /** {@code learned} hears the power state and AMT version read, for the device list to show. */
    public DetailsViewModel(Background background, Opener opener, BiConsumer<Long, DeviceState> learned,
                            CertificateOffer certificateOffer, CredentialStore credentials) {
        this.background = background;
        this.credentials = credentials;
        this.opener = opener;
        this.certificateOffer = certificateOffer;
        this.learned = learned;
    }

    /** Shows a device (null: none); the same device again, only with a newer state, is not read again. */
    public void show(Device selected) {
        Device current = device.get();
        if (selected != null && current != null && sameTarget(selected, current)) {
            device.set(selected);
            return;
        }
        device.set(selected);
        if (selected == null) {
            cancelRunning();
        } else {
            refresh();
        }
    }

    /** Reads every section of the shown device again. */
    public void refresh() {
        cancelRunning();
        Device target = device.get();
        if (target == null) {
            return;
        }
        long mine = ++generation;
        Connection connection = new Connection(target);
        this.connection = connection;
        load(mine, identity, () -> connection.reader().identity(),
                id -> learned.accept(target.id(), new DeviceState(null, id.amtVersion(), Instant.now())));
        load(mine, power, () -> connection.reader().power(),
                p -> learned.accept(target.id(), new DeviceState(p.name(), null, Instant.now())));
        load(mine, hardware, () -> connection.reader().hardware(), h -> { });
        load(mine, events, () -> connection.reader().events(), e -> { });
        load(mine, audit, () -> connection.reader().audit(), a -> { });
        reads.set(mine);
    }

    /**
     * Runs {@code call} on the shown device in the background, over the selection's connection; the outcome
     * reaches the callbacks on the FX thread only while the same selection is shown (a refresh cancels it).
     */
    public <T> void onDevice(DeviceCall<T> call, Consumer<T> done, Consumer<Throwable> failed) {
        Connection target = connection;
        if (target == null || device.get() == null) {
            return;
        }
        submit(generation, () -> call.call(target.reader().device()), done, failed);
    }

    /**
     * The shown device's password for {@code user} changed on the device: when the console logs in as that user,
     * the new password is stored and the device read again with it. Returns whether the console logs in as it.
     */
    public boolean passwordChanged(String user, String password, Consumer<Throwable> failed) {
        Device shown = device.get();
        if (shown == null || !user.equals(shown.user())) {
            return false;
        }
        background.submit(() -> credentials.save(shown, user, password), this::show, failed);
        return true;
    }

    /** Counts the reads of the shown device: pages read again when it changes (a new selection or a refresh). */
    public ReadOnlyLongProperty reads() {
        return reads;
    }

    private <T> void load(long mine, ObjectProperty<Load<T>> section, Callable<T> read, Consumer<T> then) {
        section.set(Load.pending());
        submit(mine, read, value -> {
            section.set(new Load.Ready<>(value));
            then.accept(value);
        }, error -> section.set(new Load.Failed<>(FailureText.of(error))));
    }

    /** Background work for selection {@code mine}: its outcome is dropped once another selection or refresh came. */
    private <T> void submit(long mine, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        running.add(background.submit(work, value -> {
            if (mine == generation) {
                done.accept(value);
            }
        }, error -> {
            if (mine == generation) {
                failed.accept(error);
                CertificateTrust.rejection(error).ifPresent(refusedCertificate::set);
            }
        }));
    }

    /** Lets the technician pin the certificate that made the reads fail; a pinned device is read again. */
    public void trustCertificate() {
        Device shown = device.get();
        CertificateRejected rejected = refusedCertificate.get();
        if (shown != null && rejected != null) {
            certificateOffer.offer(shown, rejected, this::show);
        }
    }

    private void cancelRunning() {
        connection = null;
        refusedCertificate.set(null);
        generation++;
        // Not interrupted: a read records what it learned in the store, and an interrupt that meets H2's file
        // channel closes it (ClosedByInterruptException) and the store with it. Each read has its own deadline,
        // and what an older selection's reads bring back is ignored.
        running.forEach(t -> t.cancel(false));
        running.clear();
    }

    /** Same device at the same address with the same credentials: only its recorded state or its name differ. */
    private static boolean sameTarget(Device a, Device b) {
        return a.withState(DeviceState.UNKNOWN).equals(b.withState(DeviceState.UNKNOWN).withName(a.name()));
    }

    /** One client per selection, opened by whichever section asks first; the others reuse its digest session. */
    private final class Connection {
        private final Device target;
        private DeviceReader reader;

        Connection(Device target) {
            this.target = target;
        }

        synchronized DeviceReader reader() throws IOException {
            if (reader == null) {
                reader = opener.open(target);
            }
            return reader;
        }
    }

    /** The certificate the shown device presented and TLS refused, or null. */
    public ReadOnlyObjectProperty<CertificateRejected> refusedCertificate() {
        return refusedCertificate;
    }

    public ReadOnlyObjectProperty<Device> device() {
        return device;
    }

    public ReadOnlyObjectProperty<Load<AmtIdentity>> identity() {
        return identity;
    }

    public ReadOnlyObjectProperty<Load<PowerStatus>> power() {
        return power;
    }

    public ReadOnlyObjectProperty<Load<HardwareInventory>> hardware() {
        return hardware;
    }

    public ReadOnlyObjectProperty<Load<List<EventRecord>>> events() {
        return events;
    }

    public ReadOnlyObjectProperty<Load<List<AuditRecord>>> audit() {
        return audit;
    }
}
