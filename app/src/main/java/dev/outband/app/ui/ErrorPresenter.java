package dev.outband.app.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;

/** The one place failures reach the user: a dialog naming what failed and why (in smoke mode: stderr and exit 1). */
public final class ErrorPresenter {
    private final Window owner;
    private final boolean exitOnError;

    public ErrorPresenter(Window owner, boolean exitOnError) {
        this.owner = owner;
        this.exitOnError = exitOnError;
    }

    public void show(String what, Throwable error) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        // Looked up here, not kept in a static field: logging starts (logback.xml parsed) only when there is
        // something to log, not on every start.
        LoggerFactory.getLogger(ErrorPresenter.class).warn("{} failed: {}", what, reason, error);
        if (exitOnError) {
            System.err.println(what + " failed: " + reason);
            Platform.exit();
            System.exit(1);
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, reason);
        alert.initOwner(owner);
        alert.setHeaderText(what + " failed");
        alert.show();
    }
}
