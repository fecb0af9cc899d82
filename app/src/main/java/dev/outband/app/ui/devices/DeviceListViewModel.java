package dev.outband.app.ui.devices;

import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.remote.RemoteDeviceRow;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.remote.SourceListing;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import dev.outband.app.fleet.DeviceStatus;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Clock;
import dev.outband.app.ui.Background;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the device list screen: all devices (loaded in one query off the FX thread), the filtered
 * and sorted view the table shows, search text, tag filter and status text.
 */
public final class DeviceListViewModel {
    public static final String ALL_TAGS = "All tags";

    private final Background background;
    private final ObservableList<Device> devices = FXCollections.observableArrayList();
    private final FilteredList<Device> filtered = new FilteredList<>(devices);
    private final SortedList<Device> sorted = new SortedList<>(filtered);
    private final ObservableList<String> tagChoices = FXCollections.observableArrayList(ALL_TAGS);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>(ALL_TAGS);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final StringProperty storePath = new SimpleStringProperty("opening store…");
    private final StringProperty sourceProblems = new SimpleStringProperty("");
    /** Remote devices' connection to their source, by reach id, as the last listing said. */
    private final Map<String, Boolean> remoteConnected = new ConcurrentHashMap<>();
    /** What the fleet poller last learned, by device id; read and written on the FX thread. */
    private final Map<Long, DeviceStatus> fleet = new HashMap<>();
    /** What the details pane read, laid over the stored state until the store's own copy catches up. */
    private final Map<Long, DeviceState> learned = new HashMap<>();
    private final IntegerProperty fleetVersion = new SimpleIntegerProperty();
    private DeviceStore store;
    private RemoteSources remoteSources;

    public DeviceListViewModel(Background background) {
        this.background = background;
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> new DeviceFilter(search.get(), ALL_TAGS.equals(tag.get()) ? null : tag.get()), search, tag));
    }

    /** Connects the opened store; called on the FX thread. */
    public void attach(DeviceStore opened) {
        store = opened;
        storePath.set(opened.file().toString());
        ready.set(true);
    }

    /** The lab CA in the store's data folder; its key's passphrase is sealed with the store key. */
    public LabAuthority labAuthority() {
        return new LabAuthority(store.folder(), store.secrets(), Clock.systemUTC());
    }

    /** The per-device CIRA accounts of devices set up to call this laptop. */
    public CiraAccounts ciraAccounts() {
        return new CiraAccounts(store.secrets());
    }

    /** The store once attached; null while it opens. */
    public DeviceStore store() {
        return store;
    }

    public DeviceRepository repository() {
        return store.devices();
    }

    /** Lists the devices of these remote sources beside the store's own. */
    public void serving(RemoteSources sources) {
        this.remoteSources = sources;
    }

    /** The remote sources listed beside the store's devices; null when the console lists none. */
    public RemoteSources remoteSources() {
        return remoteSources;
    }

    /** Reloads every device off the FX thread, then swaps the list in one change; remote sources follow. */
    public void reload(IntConsumer done) {
        DeviceRepository repo = repository();
        background.run("Loading devices", () -> {
            List<Device> all = repo.findAll();
            return new Loaded(all, tagsOf(all));
        }, result -> {
            List<Device> remote = devices.stream().filter(DeviceListViewModel::remote).toList();
            List<Device> shown = new ArrayList<>(result.devices());
            shown.addAll(remote);
            devices.setAll(shown);
            refreshTags();
            loaded.set(true);
            refreshRemote();
            done.accept(result.devices().size());
        });
    }

    /**
     * Asks every remote source for its devices off the FX thread and replaces the remote rows in one change;
     * a source that fails is one line in {@link #sourceProblems()}, never one error per device.
     */
    public void refreshRemote() {
        RemoteSources sources = remoteSources;
        if (sources == null) {
            return;
        }
        background.run("Listing the devices of remote sources", () -> sources.listAll(dev.outband.app.remote.DeviceFilter.ALL), listings -> {
            List<Device> rows = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            remoteConnected.clear();
            for (SourceListing listing : listings) {
                if (!listing.ok()) {
                    problems.add(listing.error().getMessage());
                }
                for (RemoteDeviceRow row : listing.devices()) {
                    rows.add(row.device());
                    remoteConnected.put(row.device().reach().id(), row.connected());
                }
            }
            replaceRemoteRows(rows);
            refreshTags();
            sourceProblems.set(String.join("\n", problems));
            // The Status cells of remote rows read the connected flags just replaced.
            fleetVersion.set(fleetVersion.get() + 1);
        });
    }

    /**
     * Puts a new listing of remote devices in place of the old one row by row: rows that did not change stay as
     * they are, so a listing (each poll) keeps the technician's selection, local or remote, and the rows' places.
     */
    private void replaceRemoteRows(List<Device> listed) {
        Map<List<String>, Device> fresh = new LinkedHashMap<>();
        listed.forEach(d -> fresh.put(remoteKey(d), d));
        // One change for all the rows gone (removeIf would report each on its own).
        devices.removeAll(devices.stream().filter(d -> remote(d) && !fresh.containsKey(remoteKey(d))).toList());
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            if (remote(d)) {
                Device now = fresh.remove(remoteKey(d));
                if (!now.equals(d)) {
                    devices.set(i, now);
                }
            }
        }
        devices.addAll(fresh.values());
    }

    private static List<String> remoteKey(Device d) {
        return List.of(d.name(), d.reach().id());
    }

    /** A device a remote source serves: shown here, but kept, edited and removed there. */
    public static boolean remote(Device device) {
        return device.reach().kind() == Reach.Kind.MPS && device.id() == null;
    }

    /** Whether the remote source said this device is connected to it now. */
    public boolean remoteConnected(Device device) {
        return remoteConnected.getOrDefault(device.reach().id(), false);
    }

    /** What kept remote sources from listing their devices, one line per source; empty when all answered. */
    public StringProperty sourceProblems() {
        return sourceProblems;
    }

    /** Saves off the FX thread; {@code shown} gets the saved device once the list shows it. */
    public void save(DeviceDraft draft, Device existing, Consumer<Device> shown) {
        DeviceRepository repo = repository();
        background.run("Saving device " + draft.name(), () -> repo.save(draft.toDevice(existing, repo::seal)), saved -> {
            int at = existing == null ? -1 : indexOf(existing.id());
            if (at >= 0) {
                devices.set(at, saved);
            } else {
                devices.add(saved);
            }
            refreshTags();
            shown.accept(saved);
        });
    }

    public void delete(List<Device> doomed) {
        DeviceRepository repo = repository();
        List<Device> copy = List.copyOf(doomed);
        background.run("Deleting devices", () -> {
            copy.forEach(d -> repo.delete(d.id()));
            return copy;
        }, gone -> {
            devices.removeAll(gone);
            refreshTags();
        });
    }

    /**
     * Shows what was just learned about a device (null parts keep what was known) without reloading the list.
     * As with a poll, the row itself stays: its Power, AMT version and Last seen cells read it through
     * {@link #state} in place, so the selection and the row under the pointer do not move.
     */
    public void showState(long id, DeviceState learned) {
        this.learned.merge(id, learned, (known, now) -> now.over(known));
        fleetVersion.set(fleetVersion.get() + 1);
    }

    /** Shows a device's new name (a CIRA device named after its host name), keeping the state the row shows. */
    public void showRenamed(Device renamed) {
        int at = indexOf(renamed.id());
        if (at >= 0) {
            Device shown = devices.get(at);
            devices.set(at, renamed.withState(shown.state().over(renamed.state())));
        }
    }

    /**
     * Shows what a fleet poll learned. The rows themselves are left as they are: replacing a row in the sorted
     * list makes the table rebuild its cells and drop and restore the selection on every poll, so the row under
     * the pointer could show another device when a click lands. The Status, Power and Last seen cells read the
     * poll through {@link #state} and follow {@link #fleetVersion} in place.
     */
    public void showFleet(Map<Long, DeviceStatus> statuses) {
        fleet.putAll(statuses);
        fleetVersion.set(fleetVersion.get() + 1);
    }

    /**
     * A row's state as the table shows it: the last poll laid over the stored state when the poll is newer. A
     * device that stopped answering has no known power state (its last one would read as current); its last-seen
     * time stays when it last answered.
     */
    public DeviceState state(Device device) {
        DeviceState read = device.id() == null ? null : learned.get(device.id());
        DeviceState stored = read == null ? device.state() : newer(read, device.state());
        DeviceStatus status = device.id() == null || remote(device) ? null : fleet.get(device.id());
        Instant seen = stored.lastSeen();
        if (status == null || status.checked() == null || seen != null && seen.isAfter(status.checked())) {
            return stored;
        }
        if (!status.online()) {
            return new DeviceState(null, stored.amtVersion(), seen);
        }
        return new DeviceState(status.powerState(), null, status.checked()).over(stored);
    }

    /** The state seen last of the two, its unknown parts filled from the other. */
    private static DeviceState newer(DeviceState a, DeviceState b) {
        boolean aNewer = b.lastSeen() == null || a.lastSeen() != null && !a.lastSeen().isBefore(b.lastSeen());
        return aNewer ? a.over(b) : b.over(a);
    }

    /** Whether the device answered its last poll (or its remote source says it is connected); empty until known. */
    public Optional<Boolean> online(Device device) {
        if (remote(device)) {
            return Optional.of(remoteConnected(device));
        }
        DeviceStatus status = fleet.get(device.id());
        return status == null ? Optional.empty() : Optional.of(status.online());
    }

    /** Changes each time a poll's statuses are shown. */
    public IntegerProperty fleetVersion() {
        return fleetVersion;
    }

    /** "42 online · 3 offline · 2 unknown" over every listed device. */
    public StringBinding fleetSummary() {
        return Bindings.createStringBinding(() -> {
            int on = 0;
            int off = 0;
            for (Device d : devices) {
                Optional<Boolean> online = online(d);
                if (online.isPresent()) {
                    if (online.get()) {
                        on++;
                    } else {
                        off++;
                    }
                }
            }
            return on + " online · " + off + " offline · " + (devices.size() - on - off) + " unknown";
        }, devices, fleetVersion);
    }

    /** Shows devices something else put into the store (the lab listener) without reloading the list. */
    public void showAdded(List<Device> added) {
        devices.addAll(added);
    }

    /** True when another device already has this name (checked against the loaded list). */
    public boolean nameTaken(String name, Device self) {
        String n = name.strip();
        return devices.stream().anyMatch(d -> !remote(d) && d.name().equals(n)
                && (self == null || !d.id().equals(self.id())));
    }

    private int indexOf(Long id) {
        for (int i = 0; i < devices.size(); i++) {
            if (Objects.equals(devices.get(i).id(), id)) {
                return i;
            }
        }
        return -1;
    }

    private record Loaded(List<Device> devices, List<String> tags) {
    }

    private static List<String> tagsOf(List<Device> all) {
        TreeSet<String> tags = new TreeSet<>();
        all.forEach(d -> tags.addAll(d.tags()));
        return List.copyOf(tags);
    }

    private void refreshTags() {
        setTagChoices(tagsOf(devices));
    }

    private void setTagChoices(List<String> tags) {
        String current = tag.get();
        tagChoices.setAll(ALL_TAGS);
        tagChoices.addAll(tags);
        tag.set(tagChoices.contains(current) ? current : ALL_TAGS);
    }

    public SortedList<Device> rows() {
        return sorted;
    }

    public ObservableList<Device> all() {
        return devices;
    }

    public ObservableList<String> tagChoices() {
        return tagChoices;
    }

    public StringProperty search() {
        return search;
    }

    public ObjectProperty<String> tag() {
        return tag;
    }

    public BooleanProperty ready() {
        return ready;
    }

    public BooleanProperty loaded() {
        return loaded;
    }

    public StringProperty storePath() {
        return storePath;
    }

    public BooleanBinding storeEmpty() {
        return Bindings.isEmpty(devices);
    }

    public StringBinding countText() {
        return Bindings.createStringBinding(() -> filtered.size() == devices.size()
                ? devices.size() + (devices.size() == 1 ? " device" : " devices")
                : filtered.size() + " of " + devices.size() + " devices", filtered, devices);
    }
}
