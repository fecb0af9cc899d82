package dev.outband.app.ui.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.tls.Certificates;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Trust on first use from the details pane: refused, shown, trusted, pinned, read. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CertificateTrustTest {
    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-tls", "admin", "Sim-Passw0rd"));
    private DeviceCertificates.Issued identity;
    private DevicePorts ports;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        identity = DeviceCertificates.loopbackDevice();
        ports = DevicePorts.open(device, 0, 0, 0, 0, DeviceCertificates.serverSocketFactory(identity));
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().insert(Device.of("sim-tls", "127.0.0.1")
                .withCredentials("admin", store.devices().seal("Sim-Passw0rd")).withTls(TlsMode.VERIFY, null));
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> ports.tlsPort()));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        ports.close();
    }

    @Test
    void aRefusedCertificateIsOfferedFromTheDetailsAndOncePinnedTheDeviceIsRead(FxRobot robot) throws Exception {
        String sha256 = Certificates.sha256(identity.certificate());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-tls").queryAll().isEmpty());
        robot.clickOn("sim-tls");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#certificateBanner").query().isVisible()
                && robot.lookup("#identityError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#identityError").queryAs(Label.class).getText())
                .contains("AMT root certificate does not match the trusted CA");
        // The prompt waits for an answer, so the click must not wait for it.
        Button offer = robot.lookup("#trustCertificate").queryAs(Button.class);
        Platform.runLater(offer::fire);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#certificateDetails").queryAll().isEmpty());
        ConsoleFixture.pressShowing(robot, "Trust and pin");

        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#identityFacts").query().isVisible()
                    && ConsoleFixture.labelsIn(robot, "#identityFacts").contains(device.uuid().toString()));
        } catch (TimeoutException e) {
            throw new AssertionError("identity not shown; labels on screen: " + robot.lookup(".label")
                    .queryAllAs(Label.class).stream().filter(Node::isVisible).map(Label::getText).toList(), e);
        }
        assertThat(robot.lookup("#certificateBanner").query().isVisible()).isFalse();
        Device pinned = store.devices().findByName("sim-tls").orElseThrow();
        assertThat(pinned.tls()).isEqualTo(TlsMode.PINNED);
        assertThat(pinned.pinnedSha256()).isEqualTo(sha256);
    }
}
