package dev.outband.kvm.fx;

import dev.outband.kvm.rfb.RfbSession;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The console's KVM window for a connected session: toolbar, view, status bar. Closing the window
 * closes the session. {@code reconnect} opens a new session when the device closed an idle one.
 */
public final class KvmWindow {
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Callable<RfbSession> reconnect;
    private final KvmStatusBar status;
    private KvmView view;

    public KvmWindow(RfbSession session, String title, Callable<RfbSession> reconnect) {
        this.reconnect = reconnect;
        this.status = new KvmStatusBar(session, this::reconnect);
        stage.setTitle(title);
        show(session);
        root.setBottom(status);
        // wide enough for the whole toolbar; the view scales to whatever is left
        stage.setScene(new Scene(root, Math.clamp(session.framebuffer().width() + 20, 900, 1280),
                Math.clamp(session.framebuffer().height() + 90, 500, 860)));
        stage.setOnHidden(e -> {
            view.dispose();
            status.dispose();
            view.session().close();
        });
    }

    private void show(RfbSession session) {
        if (view != null) {
            view.dispose();
        }
        view = new KvmView(session);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        view.fitProperty().addListener((o, was, fit) -> {
            scroll.setFitToWidth(fit);
            scroll.setFitToHeight(fit);
        });
        root.setCenter(scroll);
        root.setTop(new KvmToolbar(view, this::toggleFullScreen, this::showError));
        status.setSession(session);
        view.requestFocus();
    }

    public Stage stage() {
        return stage;
    }

    public KvmView view() {
        return view;
    }

    public void show() {
        stage.show();
        view.requestFocus();
    }

    /** Full screen on and off (the toolbar and the console's menu call this). */
    public void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    private void reconnect() {
        Thread.ofVirtual().start(() -> {
            try {
                RfbSession fresh = reconnect.call();
                fresh.start();
                Platform.runLater(() -> show(fresh));
            } catch (Exception e) {
                Platform.runLater(() -> showError("Reconnect failed: " + e.getMessage()));
            }
        });
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(stage);
        alert.show();
    }
}
