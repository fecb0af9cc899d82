package dev.outband.app.ui.details;

import dev.outband.app.amt.ManagedDevice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Tab;

/**
 * One page's data, read in the background only while its tab is shown: the first time the tab is selected
 * after a new selection or Refresh, and again after each of the page's own edits.
 */
public final class PageData<T> {
    private final DetailsViewModel vm;
    private final DetailsViewModel.DeviceCall<T> read;
    private final ObjectProperty<Load<T>> state = new SimpleObjectProperty<>(Load.pending());
    private boolean stale = true;

    public PageData(DetailsViewModel vm, Tab tab, DetailsViewModel.DeviceCall<T> read) {
        this.vm = vm;
        this.read = read;
        vm.reads().subscribe(count -> {
            stale = true;
            if (tab.isSelected()) {
                reload();
            }
        });
        tab.selectedProperty().subscribe(selected -> {
            if (selected && stale) {
                reload();
            }
        });
    }

    public void reload() {
        stale = false;
        if (vm.device().get() == null) {
            return;
        }
        state.set(Load.pending());
        vm.onShownDevice(read, value -> state.set(new Load.Ready<>(value)), reason -> state.set(new Load.Failed<>(reason)));
    }

    /** One edit of the shown device. */
    @FunctionalInterface
    public interface Edit {
        void run(ManagedDevice device) throws Exception;
    }

    /**
     * Runs an edit in the background, then reads the page again from the device; a failure shows in the page's
     * frame as "Could not {@code what}: reason".
     */
    public void change(String what, PageFrame frame, Edit edit) {
        frame.editFailed(what, null);
        vm.onShownDevice(device -> {
            edit.run(device);
            return read.call(device);
        }, value -> state.set(new Load.Ready<>(value)), reason -> frame.editFailed(what, reason));
    }

    public ReadOnlyObjectProperty<Load<T>> state() {
        return state;
    }
}
