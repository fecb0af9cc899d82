package dev.outband.kvm.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.VncConnector;
import dev.outband.kvm.testsupport.VncServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** KvmView on a live session to Xvnc: what it renders equals the decoded framebuffer, also after a change. */
@Timeout(60)
class KvmViewTest {
    private static final int W = 240;
    private static final int H = 160;

    private static VncServer xvnc;
    private static RfbSession session;
    private static KvmView view;

    @BeforeAll
    static void showSession() throws Exception {
        xvnc = VncServer.xvnc(W, H);
        xvnc.drawPatternAndCapture(W, H);
        session = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", xvnc.port(),
                RfbOptions.vnc(VncServer.PASSWORD.toCharArray()), Duration.ofSeconds(5));
        FrameGrabber.grab(session, Duration.ofSeconds(20));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            view = new KvmView(session);
            view.fitProperty().set(false);
            stage.setScene(new Scene(view, W, H));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stop() throws Exception {
        if (view != null) {
            FxToolkit.setupFixture(() -> view.dispose());
        }
        if (session != null) {
            session.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
        // Only a started toolkit has stages: cleaning up after a setup that failed earlier would hide its reason.
        if (view != null) {
            FxToolkit.cleanupStages();
        }
    }

    private static String firstDifference() throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        Framebuffer fb = session.framebuffer();
        PixelReader pr = shot.getPixelReader();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int shown = pr.getArgb(x, y) | 0xFF000000;
                if (shown != fb.pixel(x, y)) {
                    return String.format("pixel %d,%d shows %08x, framebuffer has %08x", x, y, shown, fb.pixel(x, y));
                }
            }
        }
        return null;
    }

    @Test
    void theViewShowsTheFramebufferPixelForPixelAtOneToOne() throws Exception {
        assertThat(view.image().getWidth()).isEqualTo(W);
        assertThat(firstDifference()).isNull();
    }

    @Test
    void aChangeOnTheServerReachesTheViewThroughTheDirtyRectangles() throws Exception {
        xvnc.setRootColour("#336699");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (session.framebuffer().pixel(W / 2, H / 2) != 0xFF336699 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(session.framebuffer().pixel(W / 2, H / 2)).isEqualTo(0xFF336699);
        // the next pulses copy the dirty union into the image
        String difference = firstDifference();
        while (difference != null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            difference = firstDifference();
        }
        assertThat(difference).isNull();
    }
}
