package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import dev.outband.app.store.Device;
import dev.outband.app.ui.details.DetailsViewModel.DeviceCall;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One page of the details that reads and changes the device: read in the background the first time its tab is
 * shown and again after a refresh or an edit; an edit's outcome in the page's own status line.
 */
public final class DevicePage<T> {
    private final DetailsViewModel vm;
    private final DeviceCall<T> read;
    private final ObjectProperty<Load<T>> load = new SimpleObjectProperty<>(Load.pending());
    private final Label status = new Label();
    private Tab tab;
    private long readFor = -1;
    /** The device the status line speaks of: another device's selection hides it. */
    private Device statusFor;

    /** What a change said it did, and the page as read right after it. */
    private record Changed<T>(String done, Load<T> after) {
    }

    public DevicePage(DetailsViewModel vm, String id, DeviceCall<T> read) {
        this.vm = vm;
        this.read = read;
        status.setId(id + "Status");
        status.setWrapText(true);
        status.managedProperty().bind(status.visibleProperty());
        status.setVisible(false);
        vm.reads().subscribe(n -> readIfShown());
    }

    /**
     * The page's tab: a short note, the page's actions, the status line of its last change, then its section
     * (which takes the height left). It scrolls when the pane is smaller than the page; selecting it reads the
     * device unless this selection was read.
     */
    public Tab tab(String title, Feather icon, String note, Node section, Node... actions) {
        Label hint = new Label(note);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        HBox bar = new HBox(8, actions);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setManaged(actions.length > 0);
        bar.setVisible(actions.length > 0);
        VBox box = new VBox(10, hint, bar, status, section);
        box.setPadding(new Insets(12));
        VBox.setVgrow(section, Priority.ALWAYS);
        // Fills the tab when there is room (a table takes the height left), scrolls when there is not.
        box.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        tab = new Tab(title, scroll);
        tab.setGraphic(new FontIcon(icon));
        tab.selectedProperty().subscribe(selected -> readIfShown());
        return tab;
    }

    public ReadOnlyObjectProperty<Load<T>> load() {
        return load;
    }

    /** True while the page shows what it read: its edits start from that. */
    public BooleanBinding ready() {
        return Bindings.createBooleanBinding(() -> load.get() instanceof Load.Ready, load);
    }

    /** The window the page's dialogs belong to. */
    public Window window() {
        return tab.getTabPane().getScene().getWindow();
    }

    /** Reads the page again, whatever was read before. */
    public void reload() {
        readFor = vm.reads().get();
        load.set(Load.pending());
        vm.onDevice(read, value -> load.set(new Load.Ready<>(value)),
                error -> load.set(new Load.Failed<>(FailureText.of(error))));
    }

    /**
     * Runs a change in the background, then reads the page again in the same call (the page keeps showing the
     * old values meanwhile); {@code change} returns what changed, shown in the status line. A failure is shown
     * there in a technician's words, and the page is read again.
     */
    public void change(String what, DeviceCall<String> change) {
        started(what);
        vm.onDevice(d -> {
            String done = change.call(d);
            Load<T> after;
            try {
                after = new Load.Ready<>(read.call(d));
            } catch (Exception e) {
                after = new Load.Failed<>(FailureText.of(e));
            }
            return new Changed<>(done, after);
        }, changed -> {
            succeeded(changed.done());
            readFor = vm.reads().get();
            load.set(changed.after());
        }, error -> {
            failed(what, error);
            reload();
        });
    }

    /** As {@link #change(String, DeviceCall)}, with what follows a success instead of reading the page again. */
    public void change(String what, DeviceCall<String> change, Consumer<String> then) {
        started(what);
        vm.onDevice(change, done -> {
            succeeded(done);
            then.accept(done);
        }, error -> {
            failed(what, error);
            reload();
        });
    }

    /** Shows why a change, or what followed it, failed. */
    public void failed(String what, Throwable error) {
        show(Styles.DANGER, Feather.ALERT_TRIANGLE, "Could not " + Character.toLowerCase(what.charAt(0))
                + what.substring(1) + ": " + FailureText.of(error));
    }

    private void started(String what) {
        statusFor = vm.device().get();
        show(null, null, what + "…");
    }

    private void succeeded(String done) {
        show(Styles.SUCCESS, Feather.CHECK, done);
    }

    private void show(String style, Feather icon, String text) {
        status.setVisible(true);
        status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (style != null) {
            status.getStyleClass().add(style);
        }
        status.setGraphic(icon == null ? null : new FontIcon(icon));
        status.setText(text);
    }

    private void readIfShown() {
        Device shown = vm.device().get();
        if (tab != null && tab.isSelected() && shown != null && readFor != vm.reads().get()) {
            if (statusFor == null || !Objects.equals(statusFor.id(), shown.id())) {
                status.setVisible(false);
            }
            reload();
        }
    }
}
