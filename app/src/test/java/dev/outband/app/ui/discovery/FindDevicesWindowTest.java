package dev.outband.app.ui.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.discovery.SimulatedLan;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.wsman.discovery.DiscoveredDevice;
import dev.outband.wsman.discovery.DiscoverySettings;
import dev.outband.wsman.tls.Certificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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
 * The Find devices window in a real stage over a real H2 store, scanning virtual devices on their own loopback
 * addresses over real sockets; the devices it adds are then reached with the stored credentials and pin.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FindDevicesWindowTest {
    @TempDir
    static Path home;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Device> shownInList = new CopyOnWriteArrayList<>();
    private SimulatedLan lan;
    private DeviceStore store;

    @Start
    void start(Stage stage) throws Exception {
        lan = SimulatedLan.start(3, 1);
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        DiscoverySettings settings = DiscoverySettings.defaults()
                .withPorts(lan.rmcpPort(), lan.httpPort(), lan.httpPort() + 1).withPongWait(Duration.ofSeconds(1));
        var vm = new FindDevicesViewModel(new Background(executor, new ErrorPresenter(stage, false)), store::devices,
                shownInList::addAll, settings, Platform::runLater);
        stage.setScene(new Scene(new FindDevicesWindow(vm).root(), 1100, 560));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        store.close();
        lan.close();
    }

    @Test
    void chosenDevicesAreAddedPinnedWithTheCredentialsTyped(FxRobot robot) throws Exception {
        robot.clickOn("#discoveryRange").write(lan.cidr());
        robot.clickOn("#discoveryScan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot).startsWith("3 AMT devices found"));
        @SuppressWarnings("unchecked")
        TableView<DiscoveredDevice> table = robot.lookup("#discoveryResults").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(DiscoveredDevice::address).containsExactly(
                lan.prefix() + 20, lan.prefix() + 21, lan.prefix() + 22);
        assertThat(table.getItems()).extracting(d -> d.provisioning().words())
                .containsExactly("provisioned", "provisioned", "not provisioned");

        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(0);
            table.getSelectionModel().select(2);
        });
        robot.clickOn("#discoveryPassword").write("P@ssw0rd!");
        robot.clickOn("#discoveryAdd");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot).startsWith("Added"));
        assertThat(status(robot)).isEqualTo("Added 2 devices.");

        List<Device> stored = store.devices().findAll().stream().sorted(Comparator.comparing(Device::host)).toList();
        assertThat(stored).extracting(Device::host).containsExactly(lan.prefix() + 20, lan.prefix() + 22);
        assertThat(shownInList).extracting(Device::host)
                .containsExactlyInAnyOrder(lan.prefix() + 20, lan.prefix() + 22);
        String sha256 = Certificates.sha256(lan.identity().certificate());
        for (Device d : stored) {
            assertThat(d.user()).isEqualTo("admin");
            assertThat(d.tls()).isEqualTo(TlsMode.PINNED);
            assertThat(d.pinnedSha256()).isEqualTo(sha256);
            if (d.host().equals(lan.prefix() + 20)) {
                // The stored credentials and pin reach the provisioned device over TLS: the console can manage it. A
                // device not provisioned knows no admin account yet (AMT logs on only its local system account).
                var connections = new DeviceConnections(DeviceConnections.Ports.of(x -> lan.httpPort() + 1,
                        x -> lan.httpPort() + 2));
                assertThat(connections.device(d).powerState().isOn()).isTrue();
            }
        }

        robot.clickOn("#discoveryScan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot).startsWith("3 AMT devices found"));
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("#discoveryAdd");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot).startsWith("Added 1 device;"));
        assertThat(status(robot)).contains(lan.prefix() + 20 + ": already in the store as " + lan.prefix() + 20);
        assertThat(store.devices().count()).isEqualTo(3);
    }

    @Test
    void aWideScanIsCancelledAndABadRangeIsExplained(FxRobot robot) throws Exception {
        robot.clickOn("#discoveryRange").write("10.0.0.0/15");
        robot.clickOn("#discoveryScan");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).contains("at most a /16"));

        robot.doubleClickOn("#discoveryRange").eraseText(20).write(lan.prefix() + "0/24");
        robot.interact(() -> robot.lookup("#discoveryRate").<Spinner<Integer>>query()
                .getValueFactory().setValue(5));
        robot.clickOn("#discoveryScan");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status(robot).startsWith("Scanning"));
        robot.clickOn("#discoveryCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).contains("cancelled before the end"));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#discoveryStatus").queryAs(Label.class).getText();
    }
}
