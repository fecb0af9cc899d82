package dev.outband.kvm.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.VncConnector;
import dev.outband.kvm.testsupport.Images;
import dev.outband.kvm.testsupport.VncServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The KVM window on Xvnc: a screenshot lands in the chosen file and the status bar names its full path. */
@Timeout(60)
class KvmWindowScreenshotTest {
    private static final int W = 240;
    private static final int H = 160;

    private static VncServer xvnc;
    private static BufferedImage truth;
    private static RfbSession session;
    private static KvmWindow window;

    @BeforeAll
    static void open() throws Exception {
        xvnc = VncServer.xvnc(W, H);
        truth = xvnc.drawPatternAndCapture(W, H);
        session = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", xvnc.port(),
                RfbOptions.vnc(VncServer.PASSWORD.toCharArray()), Duration.ofSeconds(5));
        FrameGrabber.grab(session, Duration.ofSeconds(20));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            window = new KvmWindow(session, "xvnc", () -> null);
            window.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        if (window != null) {
            FxToolkit.setupFixture(() -> window.stage().hide());
        }
        if (session != null) {
            session.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    @Test
    void theScreenshotIsTheServersScreenAndTheStatusBarSaysWhereItWent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shots").resolve("screen.png");
        Files.createDirectories(file.getParent());
        FxToolkit.setupFixture(() -> window.saveScreenshot(file));
        Label message = (Label) window.stage().getScene().lookup("#kvmMessage");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Screenshot saved"));
        assertThat(message.getText()).isEqualTo("Screenshot saved to " + file.toAbsolutePath());
        BufferedImage shot = ImageIO.read(file.toFile());
        Framebuffer fb = new Framebuffer(shot.getWidth(), shot.getHeight());
        shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), fb.pixels(), 0, shot.getWidth());
        assertThat(Images.firstMismatch(fb, truth, 0)).isNull();
    }
}
