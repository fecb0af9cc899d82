package dev.outband.app.ui.devices;

import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
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
    private DeviceStore store;

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

    /** Reloads every device off the FX thread, then swaps the list in one change. */
    public void reload(IntConsumer done) {
        DeviceRepository repo = repository();
        background.run("Loading devices", () -> {
            List<Device> all = repo.findAll();
            return new Loaded(all, tagsOf(all));
        }, result -> {
            devices.setAll(result.devices());
            setTagChoices(result.tags());
            loaded.set(true);
            done.accept(result.devices().size());
        });
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

    /** Shows what was just learned about a device (null parts keep what was known) without reloading the list. */
    public void showState(long id, DeviceState learned) {
        int at = indexOf(id);
        if (at < 0) {
            return;
        }
        Device device = devices.get(at);
        devices.set(at, device.withState(learned.over(device.state())));
    }

    /** Shows devices something else put into the store (the lab listener) without reloading the list. */
    public void showAdded(List<Device> added) {
        devices.addAll(added);
    }

    /** True when another device already has this name (checked against the loaded list). */
    public boolean nameTaken(String name, Device self) {
        String n = name.strip();
        return devices.stream().anyMatch(d -> d.name().equals(n) && (self == null || !d.id().equals(self.id())));
    }

    private int indexOf(Long id) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).id().equals(id)) {
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
