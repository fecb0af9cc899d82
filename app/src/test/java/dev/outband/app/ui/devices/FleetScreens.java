package dev.outband.app.ui.devices;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.cira.LabListener;
import dev.outband.app.remote.RemoteSettings;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.cira.LabListenerViewModel;
import dev.outband.app.ui.cira.LabListenerWindow;
import dev.outband.app.virtuallab.VirtualLab;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The main window as the console builds it (lab listener and sources buttons included) at a given size, over
 * a fleet of simulated and unreachable devices, captured with ImageMagick's import (run under xvfb-run with a
 * screen of that size; writes {@code <file>}). Not a test. Arguments: file width height.
 */
public final class FleetScreens {
    public static void main(String[] args) throws Exception {
        String file = args[0];
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Path home = Files.createTempDirectory("outband-screens");
        VirtualDevice on = new VirtualDevice(DeviceConfig.of("admin-office-01", "admin", "Sim-Passw0rd"));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (DevicePorts ports = DevicePorts.open(on, 0, 0, null);
             DeviceStore store = DeviceStore.open(home.resolve("data"), () -> null)) {
            List<Device> fleet = new ArrayList<>();
            fleet.add(Device.of("admin-office-01", "127.0.0.1").withTags(List.of("reception"))
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
            for (int i = 1; i <= 14; i++) {
                fleet.add(Device.of("classroom-%02d".formatted(i), "10.20.1." + i).withTags(List.of("classroom"))
                        .withCredentials("admin", store.devices().seal("x")));
            }
            fleet.add(new Device(null, "cira-7a3e5f0c", "", List.of("remote"), "admin", store.devices().seal("x"),
                    TlsMode.NONE, null, Reach.cira("7a3e5f0c-1d2b-4c8e-9f00-112233445566"), DeviceState.UNKNOWN));
            store.devices().insertAll(fleet);
            Settings settings = Settings.load(store.folder());
            LabListener listener = new LabListener(ListenerSettings.defaults());
            DeviceConnections connections = new DeviceConnections(
                    d -> d.name().equals("admin-office-01") ? ports.httpPort() : closed, listener);
            Platform.startup(Theme.LIGHT::apply);
            Platform.runLater(() -> {
                Stage stage = new Stage();
                var background = new Background(Executors.newVirtualThreadPerTaskExecutor(),
                        new ErrorPresenter(stage, false));
                var vm = new DeviceListViewModel(background);
                vm.serving(new RemoteSources(List::of, List::of, RemoteSettings.defaults(), Clock.systemUTC()));
                var view = new DeviceListView(vm, settings, background, connections,
                        new LabListenerWindow(new LabListenerViewModel(listener, background, settings)), new VirtualLab());
                stage.setTitle("Outband");
                stage.setScene(new Scene(view.root(), width, height));
                stage.setX(0);
                stage.setY(0);
                stage.show();
                vm.attach(store);
                vm.reload(n -> { });
            });
            Thread.sleep(8000);
            // The technician's view: the one device that answers selected, its details below the table.
            Platform.runLater(() -> select("admin-office-01"));
            Thread.sleep(10000);
            Process p = new ProcessBuilder("import", "-window", "root", "-crop", width + "x" + height + "+0+0",
                    file).inheritIO().start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("import failed for " + file);
            }
        }
        Platform.exit();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static void select(String name) {
        for (var window : Stage.getWindows()) {
            if (window.getScene().lookup("#deviceTable") instanceof TableView<?> table) {
                var devices = (TableView<Device>) table;
                devices.getItems().stream().filter(d -> d.name().equals(name)).findFirst()
                        .ifPresent(d -> {
                            devices.getSelectionModel().select(d);
                            devices.scrollTo(d);
                        });
            }
        }
    }
}
