package dev.outband.kvm.fx;

import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.SessionState;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Frame rate, bandwidth and session state, sampled once a second, and the last message (a saved screenshot, an
 * action's outcome); offers Reconnect when the device hung up or the user disconnected.
 */
public final class KvmStatusBar extends HBox {
    private final Label rate = new Label();
    private final Label state = new Label();
    private final Label message = new Label();
    private final Button reconnect = new Button("Reconnect");
    private final Timeline timer;
    private RfbSession session;
    private long lastUpdates;
    private long lastBytes;

    public KvmStatusBar(RfbSession session, Runnable onReconnect) {
        super(12);
        getStyleClass().add("kvm-status-bar");
        setPadding(new javafx.geometry.Insets(3, 8, 3, 8));
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        reconnect.setVisible(false);
        reconnect.setId("kvmReconnect");
        message.setId("kvmMessage");
        state.setId("kvmState");
        reconnect.setOnAction(e -> onReconnect.run());
        getChildren().addAll(rate, message, grow, state, reconnect);
        setSession(session);
        timer = new Timeline(new KeyFrame(Duration.seconds(1), e -> sample()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    public void setSession(RfbSession s) {
        session = s;
        lastUpdates = s.updatesReceived();
        lastBytes = s.bytesReceived();
        sample();
    }

    private void sample() {
        long updates = session.updatesReceived();
        long bytes = session.bytesReceived();
        var format = session.pixelFormat();
        rate.setText(String.format("%d fps · %s/s · %dx%d%s", updates - lastUpdates, human(bytes - lastBytes),
                session.framebuffer().width(), session.framebuffer().height(),
                format == null ? "" : format.isGrey() ? " · grey" : " · " + format.bitsPerPixel() + " bpp"));
        lastUpdates = updates;
        lastBytes = bytes;
        SessionState s = session.state();
        state.setText(s.isOver() ? session.reason() : s == SessionState.RUNNING ? "Connected" : s.name());
        reconnect.setVisible(s == SessionState.CLOSED_BY_DEVICE || s == SessionState.CLOSED);
    }

    public void say(String text) {
        message.setText(text);
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    public void dispose() {
        timer.stop();
    }
}
