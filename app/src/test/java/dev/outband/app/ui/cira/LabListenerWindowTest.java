package dev.outband.app.ui.cira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.SimulatedCiraDevice;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.devices.DeviceListView;
import dev.outband.app.ui.devices.DeviceListViewModel;
import dev.outband.app.virtuallab.VirtualLab;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LabListenerWindowTest {
    @TempDir
    static Path home;

    private final VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-cira", "admin", "Sim-Passw0rd"));
    private final LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings());
    private DeviceStore store;
    private ExecutorService executor;
    private CiraClient client;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var background = new Background(executor, new ErrorPresenter(stage, false));
        var settings = Settings.load(store.folder());
        var vm = new DeviceListViewModel(background);
        var labVm = new LabListenerViewModel(listener, background, settings);
        labVm.onDevicesAdded(vm::showAdded);
        var connections = new DeviceConnections(DeviceConnections.AMT_PORTS, listener);
        labVm.serveApiWith(connections);
        var view = new DeviceListView(vm, settings, background, connections, new LabListenerWindow(labVm),
                new VirtualLab());
        Theme.LIGHT.apply();
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        vm.attach(store);
        labVm.attach(store);
        vm.reload(n -> { });
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        listener.close();
        executor.shutdown();
        store.close();
    }

    @Test
    void theMpsApiTurnedOnInThePanelServesLoginOnLoopbackAndStopsWithTheListener(FxRobot robot) throws Exception {
        robot.clickOn("#labListener");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#startListener").query().isDisabled());
        assertThat(robot.lookup("#apiPort").query().getParent().isVisible()).as("hidden until asked for").isFalse();
        robot.doubleClickOn("#ciraPort").eraseText(6).write("0");
        robot.clickOn("#ciraUser").write(SimulatedCiraDevice.USER);
        robot.clickOn("#ciraPassword").write(SimulatedCiraDevice.PASSWORD);
        robot.clickOn("#apiEnabled");
        robot.doubleClickOn("#apiPort").eraseText(6).write("0");
        robot.clickOn("#apiPassword").write("Panel-Api-1");
        Snapshots.save(robot.lookup("#apiEnabled").query().getScene(), Path.of("target", "lab-listener-api.png"));
        robot.clickOn("#startListener");

        Label status = robot.lookup("#listenerStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().contains("MPS API on"));
        Matcher url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/api/v1").matcher(status.getText());
        assertThat(url.find()).as(status.getText()).isTrue();
        OkHttpClient http = new OkHttpClient();
        Request login = new Request.Builder().url(url.group(1) + "/api/v1/authorize").post(RequestBody.create(
                "{\"username\":\"admin\",\"password\":\"Panel-Api-1\"}", MediaType.get("application/json"))).build();
        try (Response r = http.newCall(login).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("\"token\"");
        }

        robot.clickOn("#stopListener");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().equals("Stopped"));
        assertThatThrownBy(() -> http.newCall(login).execute().close()).isInstanceOf(java.io.IOException.class);
        http.connectionPool().evictAll();
    }

    @Test
    void aDeviceThatCallsTheListenerStartedFromThePanelIsListedThereAndInTheDeviceList(FxRobot robot) throws Exception {
        robot.clickOn("#labListener");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#startListener").query().isDisabled());
        robot.doubleClickOn("#ciraPort").eraseText(6).write("0");
        robot.clickOn("#ciraUser").write(SimulatedCiraDevice.USER);
        robot.clickOn("#ciraPassword").write(SimulatedCiraDevice.PASSWORD);
        robot.clickOn("#startListener");

        Label status = robot.lookup("#listenerStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Listening on port"));
        assertThat(listener.running()).isTrue();
        assertThat(status.getText()).contains("port " + listener.port());
        assertThat(robot.lookup("#listenerFingerprint").queryAs(TextField.class).getText())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(robot.lookup("#ciraPassword").queryAs(TextField.class).getText()).as("not kept in the field").isEmpty();

        client = SimulatedCiraDevice.connect(listener, virtual);

        TableView<ConnectedDeviceRow> connected = robot.lookup("#connectedDevices").queryTableView();
        // the device asks for its forwards one after another: the row shows both once the second is granted
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> connected.getItems().size() == 1
                && connected.getItems().getFirst().forwardedPorts().equals("16992, 16994"));
        ConnectedDeviceRow row = connected.getItems().getFirst();
        assertThat(row.uuid()).isEqualTo(virtual.uuid().toString());
        assertThat(row.address()).startsWith("127.0.0.1:");

        String name = "cira-" + virtual.uuid().toString().substring(0, 8);
        TableView<Device> devices = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> devices.getItems().stream().anyMatch(d -> d.name().equals(name)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.from(devices).lookup("CIRA · connected").queryAll().isEmpty());

        robot.clickOn("#stopListener");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().equals("Stopped"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.from(devices).lookup("CIRA · offline").queryAll().isEmpty());
        assertThat(connected.getItems()).isEmpty();
    }
}
