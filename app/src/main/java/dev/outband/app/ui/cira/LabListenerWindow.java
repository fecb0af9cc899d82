package dev.outband.app.ui.cira;

import dev.outband.app.ui.EscapeCloses;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Lab listener panel in a window of its own, made on first use and reused; closing it keeps the listener running. */
public final class LabListenerWindow {
    private final LabListenerViewModel vm;
    private Stage stage;

    public LabListenerWindow(LabListenerViewModel vm) {
        this.vm = vm;
    }

    public LabListenerViewModel viewModel() {
        return vm;
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            EscapeCloses.on(stage);
            stage.initOwner(owner);
            stage.setTitle("Lab listener — Outband");
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
            stage.setScene(new Scene(new LabListenerView(vm).root(), 1180, 660));
        }
        stage.show();
        stage.toFront();
    }
}
