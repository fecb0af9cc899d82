package dev.outband.kvm.fx;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.PngWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The console's KVM window for a connected session: toolbar, view, status bar. Closing the window
 * closes the session. {@code reconnect} opens a new session when the device or the user closed one.
 * F11 toggles full screen, so that Esc stays a key for the device.
 */
public final class KvmWindow {
    private static final DateTimeFormatter SHOT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Callable<RfbSession> reconnect;
    private final KvmStatusBar status;
    private KvmView view;
    private String actionsCaption = "";
    private List<KvmAction> actions = List.of();
    private Path screenshotFolder;

    public KvmWindow(RfbSession session, String title, Callable<RfbSession> reconnect) {
        this.reconnect = reconnect;
        this.status = new KvmStatusBar(session, this::reconnect);
        stage.setTitle(title);
        show(session);
        root.setBottom(status);
        root.getStyleClass().add("kvm-window");
        // wide enough for the whole toolbar; the view scales to whatever is left
        Scene scene = new Scene(root, Math.clamp(session.framebuffer().width() + 20, 1120, 1280),
                Math.clamp(session.framebuffer().height() + 90, 500, 860));
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getCode() == KeyCode.F11) {
                if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                    toggleFullScreen();
                }
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("F11 leaves full screen; Esc goes to the device");
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
        scroll.setId("kvmScroll");
        // the letterbox around a scaled screen is black, as on a monitor
        scroll.setStyle("-fx-background: black; -fx-background-color: black;");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        view.fitProperty().addListener((o, was, fit) -> {
            scroll.setFitToWidth(fit);
            scroll.setFitToHeight(fit);
        });
        root.setCenter(scroll);
        root.setTop(new KvmToolbar(view, this));
        status.setSession(session);
        view.requestFocus();
    }

    /**
     * Lists the application's actions under one toolbar menu named {@code caption} (the console passes the
     * device's power actions); they stay across reconnects.
     */
    public void setActions(String caption, List<KvmAction> list) {
        actionsCaption = caption;
        actions = List.copyOf(list);
        root.setTop(new KvmToolbar(view, this));
    }

    List<KvmAction> actions() {
        return actions;
    }

    String actionsCaption() {
        return actionsCaption;
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

    /** Full screen on and off (the toolbar, F11 and the console's menu call this). */
    public void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    /** A line in the status bar, e.g. the outcome of an action. */
    public void say(String message) {
        status.say(message);
    }

    /** Ends the session and keeps the window, which then offers Reconnect. */
    void disconnect() {
        RfbSession session = view.session();
        Thread.ofVirtual().name("kvm-disconnect").start(session::close);
    }

    /** Asks where to save the screen, starting in the folder used last (else Pictures, else home). */
    void chooseScreenshotFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the remote screen");
        chooser.setInitialDirectory(screenshotFolder().toFile());
        chooser.setInitialFileName(stage.getTitle().replaceAll("[^A-Za-z0-9._-]+", "-") + "-"
                + LocalDateTime.now().format(SHOT_TIME) + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            saveScreenshot(file.toPath());
        }
    }

    private Path screenshotFolder() {
        if (screenshotFolder != null && Files.isDirectory(screenshotFolder)) {
            return screenshotFolder;
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path pictures = home.resolve("Pictures");
        return Files.isDirectory(pictures) ? pictures : home;
    }

    /** Writes the screen as it is now to {@code file} off the FX thread; the status bar says where it went. */
    void saveScreenshot(Path file) {
        Path target = file.toAbsolutePath();
        screenshotFolder = target.getParent();
        Framebuffer frame = view.session().framebuffer().snapshot();
        Thread.ofVirtual().name("kvm-screenshot").start(() -> {
            try {
                PngWriter.write(frame, target);
                Platform.runLater(() -> say("Screenshot saved to " + target));
            } catch (IOException ex) {
                Platform.runLater(() -> showError("Screenshot not saved to " + target + ": " + ex.getMessage()));
            }
        });
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
