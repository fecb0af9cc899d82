package dev.outband.app.ui.virtuallab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.DeviceReader;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.devices.DeviceListView;
import dev.outband.app.ui.devices.DeviceListViewModel;
import dev.outband.app.virtuallab.VirtualLab;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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

/** File ▸ Add a virtual lab (here from the empty store's first steps): devices on AMT's ports, in the list, stopped on close. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class VirtualLabActionTest {
    @TempDir
    static Path home;

    private final VirtualLab lab = new VirtualLab();
    private DeviceStore store;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var background = new Background(executor, new ErrorPresenter(stage, false));
        var vm = new DeviceListViewModel(background);
        var connections = new DeviceConnections(DeviceConnections.AMT_PORTS);
        var view = new DeviceListView(vm, Settings.load(store.folder()), background, connections, null, lab);
        Theme.LIGHT.apply();
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        vm.attach(store);
        vm.reload(n -> { });
    }

    @AfterEach
    void stop() {
        lab.close();
        executor.shutdown();
        store.close();
    }

    @Test
    void theEmptyStoresVirtualLabStartsDevicesOnAmtsPortsThatTheConsoleReachesWithTheStoredAccount(FxRobot robot)
            throws Exception {
        // An address block of its own, so that a lab another test runs at the same time cannot clash with it.
        String first = "127.77." + ThreadLocalRandom.current().nextInt(1, 250) + ".10";
        String second = first.substring(0, first.lastIndexOf('.')) + ".11";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#placeholderVirtualLab").tryQuery().isPresent());
        robot.clickOn("#placeholderVirtualLab");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#virtualLabAddress").tryQuery().isPresent());
        TextField address = robot.lookup("#virtualLabAddress").queryAs(TextField.class);
        assertThat(address.getText()).isEqualTo("127.0.0.20");
        robot.interact(() -> {
            address.setText(first);
            robot.lookup("#virtualLabCount").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(2);
        });
        robot.clickOn("#virtualLabStart");

        @SuppressWarnings("unchecked")
        TableView<Device> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        List<Device> shown = List.copyOf(table.getItems());
        assertThat(shown).extracting(Device::name).containsExactly("sim-1", "sim-2");
        assertThat(shown).extracting(Device::address).containsExactly(first, second);
        assertThat(shown).allSatisfy(d -> assertThat(d.wsmanPort()).as("AMT's own ports").isNull());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> table.getSelectionModel().getSelectedItem() != null);
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("sim-1");

        Device stored = store.devices().findByName("sim-2").orElseThrow();
        var identity = DeviceReader.open(new DeviceConnections(DeviceConnections.AMT_PORTS), (id, s) -> { },
                Clock.systemUTC(), stored).identity();
        assertThat(identity.hostName()).isEqualTo("sim-2");
        assertThat(connects(second, 16994)).as("KVM on AMT's redirection port").isTrue();

        lab.close();
        assertThatThrownBy(() -> DeviceReader.open(new DeviceConnections(DeviceConnections.AMT_PORTS),
                (id, s) -> { }, Clock.systemUTC(), stored).identity()).isInstanceOf(IOException.class);
        assertThat(connects(first, 16992)).as("the lab stops with the console").isFalse();
    }

    private static boolean connects(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
