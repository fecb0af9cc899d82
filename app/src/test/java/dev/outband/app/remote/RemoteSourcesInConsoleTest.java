package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.RemoteSource;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.devices.DeviceListView;
import dev.outband.app.ui.devices.DeviceListViewModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
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
 * The console with remote sources, on a real stage and a real H2 store: a source added in the Sources window
 * lists its devices beside the store's own, named and with their connection status as an MPS in MPS's shapes
 * (src/models/models.ts, src/routes/devices/getAll.ts and stats.ts) gave them; a source that does not answer
 * is one line in the status bar while the console keeps working.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RemoteSourcesInConsoleTest {
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(3);

    @TempDir
    static Path home;

    private final List<ApiServer> servers = new ArrayList<>();
    private DeviceStore store;
    private DeviceListViewModel vm;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        ApiServer mps = server();
        mps.route("GET /api/v1/devices", r -> ApiServer.reply(200, "{\"data\":[" + MpsShapesTest.mpsDevice(0) + ","
                + MpsShapesTest.mpsDevice(1) + "," + MpsShapesTest.mpsDevice(2) + "],\"totalCount\":3}"));
        mps.json("GET /api/v1/devices/stats", "{\"totalCount\":3,\"connectedCount\":2,\"disconnectedCount\":1}");
        // A server that takes the connection and never answers.
        ApiServer silent = server();
        silent.route("GET /api/v1/devices", r -> new MockResponse.Builder().headersDelay(60, TimeUnit.SECONDS)
                .code(200).body("[]").build());

        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().save(Device.of("local-pc", "10.0.0.5"));
        RemoteSources sources = new RemoteSources(store.sources()::findAll, List::of,
                RemoteSettings.defaults().withCallTimeout(CALL_DEADLINE), Clock.systemUTC());
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var background = new Background(executor, new ErrorPresenter(stage, false));
        vm = new DeviceListViewModel(background);
        vm.serving(sources);
        var view = new DeviceListView(vm, Settings.load(store.folder()), background,
                new DeviceConnections(DeviceConnections.AMT_PORTS).serving(sources));
        Theme.LIGHT.apply();
        stage.setScene(new Scene(view.root(), 1280, 760));
        stage.show();
        vm.attach(store);
        vm.reload(n -> { });
    }

    private ApiServer server() throws Exception {
        ApiServer server = new ApiServer(Clock.systemUTC()).start();
        servers.add(server);
        return server;
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        store.close();
        servers.forEach(ApiServer::close);
    }

    @Test
    void aSourceAddedInTheSourcesWindowListsItsDevicesBesideTheStoresOwn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#sources").queryButton().isDisabled());
        robot.clickOn("#sources");
        robot.clickOn("#addSource");
        robot.clickOn("#sourceName").write("lab-mps");
        robot.clickOn("#sourceUrl").write(servers.getFirst().url());
        robot.clickOn("#sourceUser").write(ApiServer.USER);
        confirm(robot);
        assertThat(robot.lookup("#sourceProblem").queryAs(Label.class).getText())
                .isEqualTo("Give the password of the API user");
        robot.clickOn("#sourcePassword").write(ApiServer.PASSWORD);
        confirm(robot);

        TableView<?> sourcesTable = robot.lookup("#sourcesTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cells(robot, "#sourcesTable").contains("3 devices, 2 connected"));
        assertThat(sourcesTable.getItems()).hasSize(1);
        assertThat(store.sources().findByName("lab-mps")).get().extracting(RemoteSource::url)
                .isEqualTo(URI.create(servers.getFirst().url()));

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.all().size() == 4);
        assertThat(vm.all()).extracting(Device::name)
                .containsExactlyInAnyOrder("local-pc", "lab-mps/pc-0", "lab-mps/pc-1", "lab-mps/pc-2");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> cells(robot, "#deviceTable").contains("MPS lab-mps · connected"));
        assertThat(cells(robot, "#deviceTable")).contains("MPS lab-mps · offline", "MPS lab-mps · connected", "Direct", "16.1.25");
        assertThat(robot.lookup("#deviceCount").queryAs(Label.class).getText()).isEqualTo("4 devices");

        // A remote device is kept at its source: selecting one leaves Edit and Delete off.
        TableView<?> devices = robot.lookup("#deviceTable").queryAs(TableView.class);
        int remoteRow = vm.rows().indexOf(vm.rows().stream().filter(d -> d.name().equals("lab-mps/pc-1")).findFirst().orElseThrow());
        robot.interact(() -> devices.getSelectionModel().clearAndSelect(remoteRow));
        assertThat(robot.lookup("#editDevice").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#deleteDevice").queryButton().isDisabled()).isTrue();

        // The source is listed again (each fleet poll does so): the rows stay where they were, selection included,
        // and the row under the pointer still shows the same device.
        javafx.scene.control.Labeled underMouse = robot.lookup("#deviceTable .table-cell")
                .queryAllAs(javafx.scene.control.Labeled.class).stream()
                .filter(c -> "lab-mps/pc-1".equals(c.getText())).findFirst().orElseThrow();
        int listed = servers.getFirst().requests("/api/v1/devices").size();
        robot.interact(vm::refreshRemote);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> servers.getFirst().requests("/api/v1/devices").size() > listed);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(devices.getSelectionModel().getSelectedItems()).extracting(d -> ((Device) d).name())
                .containsExactly("lab-mps/pc-1");
        assertThat(underMouse.getText()).isEqualTo("lab-mps/pc-1");
    }

    @Test
    void aSourceThatDoesNotAnswerIsOneLineInTheStatusBarWhileTheConsoleKeepsWorking(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.all().size() == 1);
        store.sources().insert(new RemoteSource(null, "silent-mps", URI.create(servers.get(1).url()), ApiServer.USER,
                store.sources().seal(ApiServer.PASSWORD), RemoteSource.Trust.SYSTEM, null));
        long asked = System.nanoTime();
        robot.interact(vm::refreshRemote);

        // While the source keeps the listing waiting, the table still filters as the technician types.
        robot.clickOn("#search").write("nothing-matches");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> vm.rows().isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(CALL_DEADLINE);
        robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).clear());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#sourceProblems").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#sourceProblems").queryAs(Label.class).getText())
                .startsWith("silent-mps: ").contains("no reply within 3 s");
        assertThat(vm.all()).extracting(Device::name).containsExactly("local-pc");
    }

    /** The dialog's own Add (the main window's toolbar has an Add button too). */
    private static void confirm(FxRobot robot) {
        Button add = robot.lookup("#confirmSource").queryButton();
        robot.interact(add::fire);
    }

    /** The texts of the visible cells of a table, read on the FX thread. */
    private static List<String> cells(FxRobot robot, String table) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node node = robot.lookup(table).query();
                return robot.from(node).lookup(".table-cell").queryAll().stream()
                        .map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText() : null)
                        .filter(t -> t != null).toList();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + table, e);
        }
    }
}
