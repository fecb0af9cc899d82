package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import dev.outband.app.store.Device;
import dev.outband.app.ui.details.DetailsViewModel.DeviceCall;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What one page of the details (network, accounts, clock) reads and changes: read in the background the first
 * time its tab is shown and again after a refresh or an edit; an edit's outcome in the page's own status line.
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

    public DevicePage(DetailsViewModel vm, String id, DeviceCall<T> read) {
        this.vm = vm;
        this.read = read;
        status.setId(id + "Status");
        status.setWrapText(true);
        status.managedProperty().bind(status.visibleProperty());
        status.setVisible(false);
        vm.reads().subscribe(n -> readIfShown());
    }

    /** The page's tab: its content scrolls, and selecting it reads the device unless this selection was read. */
    public Tab tab(String title, Feather icon, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        tab = new Tab(title, scroll);
        tab.setGraphic(new FontIcon(icon));
        tab.selectedProperty().subscribe(selected -> readIfShown());
        return tab;
    }

    public ReadOnlyObjectProperty<Load<T>> load() {
        return load;
    }

    /** The outcome of the last change: hidden until one ran. */
    public Label status() {
        return status;
    }

    /** Reads the page again, whatever was read before. */
    public void reload() {
        readFor = vm.reads().get();
        load.set(Load.pending());
        vm.onDevice(read, value -> load.set(new Load.Ready<>(value)),
                error -> load.set(new Load.Failed<>(FailureText.of(error))));
    }

    /**
     * Runs a change in the background; {@code done} says what changed (shown in the status line), a failure is
     * shown there in a technician's words. The page is read again either way.
     */
    public void change(String what, DeviceCall<String> change) {
        change(what, change, done -> reload());
    }

    /** As {@link #change(String, DeviceCall)}, with what follows a success instead of reading the page again. */
    public void change(String what, DeviceCall<String> change, Consumer<String> then) {
        statusFor = vm.device().get();
        status.setVisible(true);
        status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        status.setGraphic(null);
        status.setText(what + "…");
        vm.onDevice(change, done -> {
            status.getStyleClass().add(Styles.SUCCESS);
            status.setGraphic(new FontIcon(Feather.CHECK));
            status.setText(done);
            then.accept(done);
        }, error -> {
            failed(what, error);
            reload();
        });
    }

    /** Shows why a change, or what followed it, failed. */
    public void failed(String what, Throwable error) {
        status.setVisible(true);
        status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        status.getStyleClass().add(Styles.DANGER);
        status.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        status.setText("Could not " + Character.toLowerCase(what.charAt(0)) + what.substring(1) + ": "
                + FailureText.of(error));
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
