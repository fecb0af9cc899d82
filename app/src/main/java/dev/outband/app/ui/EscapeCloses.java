package dev.outband.app.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Esc closes a tool window as its close button does (a control that uses Esc itself, an open list, comes first). */
public final class EscapeCloses {
    private EscapeCloses() {
    }

    public static void on(Stage stage) {
        stage.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
    }
}
