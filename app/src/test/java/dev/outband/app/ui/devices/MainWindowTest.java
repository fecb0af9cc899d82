package dev.outband.app.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
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
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainWindowTest {
    @TempDir
    static Path home;

    private DeviceStore store;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var background = new Background(executor, new ErrorPresenter(stage, false));
        var vm = new DeviceListViewModel(background);
        Settings settings = Settings.load(store.folder());
        var view = new DeviceListView(vm, settings, background);
        Theme.LIGHT.apply();
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        vm.attach(store);
        vm.reload(n -> { });
    }

    @AfterEach
    void closeStore() {
        executor.shutdown();
        store.close();
    }

    @Test
    void anEmptyStoreShowsWhatToDoNext(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#emptyStorePlaceholder").queryAll().isEmpty()
                        && robot.lookup("#emptyStorePlaceholder").query().isVisible());
        Node placeholder = robot.lookup("#emptyStorePlaceholder").query();
        assertThat(robot.from(placeholder).lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText).anyMatch(t -> t.contains("import the list you keep in MeshCommander"));
        assertThat(robot.lookup("#deviceCount").queryAs(Label.class).getText()).isEqualTo("0 devices");
    }

    @Test
    void addingADeviceThroughTheDialogShowsItInTheTableSelected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#addDevice").query().isDisabled());
        robot.clickOn("#addDevice");
        robot.clickOn("#name").write("lab-pc-01");
        robot.clickOn("#host").write("bad host");
        assertThat(robot.lookup("#hostError").queryAs(Label.class).getText()).startsWith("Not a valid hostname");
        assertThat(robot.lookup("#okButton").query().isDisabled()).isTrue();

        robot.doubleClickOn("#host").eraseText(20).write("10.20.30.40");
        assertThat(robot.lookup("#hostError").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#password").write("Secr3t");
        robot.clickOn("#tags").write("lab, floor2");
        assertThat(robot.lookup("#okButton").query().isDisabled()).isFalse();
        robot.clickOn("#okButton");

        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        Device row = table.getItems().getFirst();
        assertThat(row.name()).isEqualTo("lab-pc-01");
        assertThat(row.host()).isEqualTo("10.20.30.40");
        assertThat(row.tags()).containsExactly("lab", "floor2");
        assertThat(store.devices().findByName("lab-pc-01").orElseThrow().password().reveal()).isEqualTo("Secr3t");
        assertThat(robot.lookup("#deviceCount").queryAs(Label.class).getText()).isEqualTo("1 device");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> table.getSelectionModel().getSelectedItems().equals(List.of(row)));
    }

    @Test
    void editingADeviceKeepsItSelectedAndScrollsToWhereItsNewNameSortsIt(FxRobot robot) throws Exception {
        List<Device> devices = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            devices.add(Device.of("pc-%02d".formatted(i), "127.0.0.1"));
        }
        store.devices().insertAll(devices);
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        robot.interact(() -> table.getSortOrder().setAll(table.getColumns().getFirst()));
        robot.clickOn("#refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 60);
        // The rows are listed; their cells come with the next layout pulse (later on a loaded machine).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("pc-03").queryAll().isEmpty());

        robot.clickOn("pc-03");
        robot.clickOn("#editDevice");
        robot.clickOn("#name").type(KeyCode.END).eraseText(10).write("pc-99-renamed");
        robot.clickOn("#okButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "pc-99-renamed".equals(table.getItems().getLast().name()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Device::name)
                .containsExactly("pc-99-renamed");
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(59);
        VirtualFlow<?> flow = robot.lookup("#deviceTable .virtual-flow").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> flow.getLastVisibleCell().getIndex() == 59);
        Label detailsTitle = robot.lookup("#detailsTitle").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "pc-99-renamed".equals(detailsTitle.getText()));
    }
}
