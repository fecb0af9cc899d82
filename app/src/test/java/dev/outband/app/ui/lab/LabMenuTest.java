package dev.outband.app.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.activation.ActivationContext;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Provisioning;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import dev.outband.app.ui.bulk.BulkProgress;
import javafx.scene.control.TableView;
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

/**
 * The Lab menu in a real window: a root made in the Certificates window, then TLS turned on for the selection; and
 * a provisioned device deactivated (unprovisioned over WS-Man) and kept, marked, in the list.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LabMenuTest {
    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("lab-ui", "admin", "Sim-Passw0rd"));
    private DevicePorts ports;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        Path folder = home.resolve("data-" + System.nanoTime());
        store = DeviceStore.open(folder, () -> null);
        store.devices().insert(Device.of("lab-ui", "127.0.0.1")
                .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        console = ConsoleFixture.show(stage, store, new DeviceConnections(DeviceConnections.Ports.of(
                d -> d.tls() == TlsMode.NONE ? ports.httpPort() : ports.tlsPort(), d -> ports.kvmPort()))
                .trusting(LabAuthority.trustedRoots(folder)));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        ports.close();
    }

    @Test
    void aRootMadeInTheCertificatesWindowSignsTheCertificateOfTheDeviceWhoseTlsIsTurnedOn(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("lab-ui").queryAll().isEmpty());
        robot.clickOn("lab-ui");
        robot.clickOn("#labMenu");
        robot.clickOn("#labCertificates");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#labRoot").queryAs(Label.class)
                .getText().startsWith("No lab CA yet"));
        robot.clickOn("#createRoot");
        ConsoleFixture.pressShowing(robot, "OK");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#labRootFingerprint").queryAs(Label.class)
                .getText().startsWith("SHA-256 "));
        assertThat(robot.lookup("#labRoot").queryAs(Label.class).getText()).startsWith("CN=Outband lab root, valid until");

        robot.clickOn("lab-ui");
        robot.clickOn("#labMenu");
        robot.clickOn("#labTlsOn");
        ConsoleFixture.pressShowing(robot, "OK");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#bulkResults").queryAll().isEmpty()
                && !robot.lookup("#bulkResults").queryTableView().getItems().isEmpty());
        assertThat(robot.lookup("#bulkResults").queryTableView().getItems()).containsExactly(new BulkProgress.Row(
                "lab-ui", BulkProgress.Status.DONE, "TLS on, certificate issued by the lab CA", null));
        assertThat(store.devices().findByName("lab-ui").orElseThrow().tls()).isEqualTo(TlsMode.VERIFY);

        robot.clickOn("#labMenu");
        robot.clickOn("#labCertificates");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#issuedCertificates").queryAs(TableView.class).getItems().size() == 1);
        var row = (CertificatesViewModel.IssuedRow) robot.lookup("#issuedCertificates").queryAs(TableView.class)
                .getItems().getFirst();
        assertThat(row.device()).isEqualTo("lab-ui");
        assertThat(row.warning()).isEmpty();
    }

    @Test
    void aDeviceDeactivatedFromTheLabMenuIsUnprovisionedAndKeptMarkedWhenAsked(FxRobot robot) throws Exception {
        assertThat(device.provisioning().controlMode()).isNotEqualTo(Provisioning.NOT_PROVISIONED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("lab-ui").queryAll().isEmpty());
        robot.clickOn("lab-ui");
        robot.clickOn("#labMenu");
        robot.clickOn("#labDeactivate");
        ConsoleFixture.pressShowing(robot, "Deactivate, keep as unprovisioned");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#bulkResults").queryAll().isEmpty()
                && !robot.lookup("#bulkResults").queryTableView().getItems().isEmpty());

        assertThat(robot.lookup("#bulkResults").queryTableView().getItems()).containsExactly(new BulkProgress.Row(
                "lab-ui", BulkProgress.Status.DONE, "deactivated, kept as unprovisioned", null));
        assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);
        Device kept = store.devices().findByName("lab-ui").orElseThrow();
        assertThat(kept.tags()).containsExactly(ActivationContext.UNPROVISIONED_TAG);
        assertThat(kept.password()).isNull();
    }
}
