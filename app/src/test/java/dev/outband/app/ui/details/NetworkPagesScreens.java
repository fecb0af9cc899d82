package dev.outband.app.ui.details;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.users.AccessPermission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Shows the Network, Accounts, Clock and Hardware tabs of a simulated device (with a second user and a clock
 * that drifted) and captures the screen with ImageMagick's import (run under xvfb-run; writes
 * {@code <prefix>-network.png}, {@code -network-edit.png}, {@code -users.png}, {@code -clock.png},
 * {@code -hardware.png}). Not a test.
 */
public final class NetworkPagesScreens {
    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        Path home = Files.createTempDirectory("outband-screens");
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("front-desk-01", "admin", "Sim-Passw0rd"));
        device.setClock(Instant.now().minus(Duration.ofMinutes(7)).minusSeconds(12));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null);
             DeviceStore store = DeviceStore.open(home.resolve("data"), () -> null)) {
            AmtClient.connect(DeviceEndpoint.http("127.0.0.1", ports.httpPort(), device.credentials())).users()
                    .add("helpdesk", "H3lp!desk", AccessPermission.NETWORK, List.of(2, 5, 13, 19));
            store.devices().insert(Device.of("front-desk-01", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
            Platform.startup(() -> { });
            Platform.setImplicitExit(false);
            CompletableFuture<Stage> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                stage.setTitle("Outband");
                ConsoleFixture.show(stage, store, new DeviceConnections(d -> ports.httpPort()));
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1440);
                stage.setHeight(900);
                shown.complete(stage);
            });
            Stage stage = shown.get(10, TimeUnit.SECONDS);
            Thread.sleep(1500);
            onFx(() -> {
                ((TableView<?>) stage.getScene().lookup("#deviceTable")).getSelectionModel().select(0);
                ((SplitPane) stage.getScene().lookup("#detailsSplit")).setDividerPositions(0.3);
            });
            for (String[] tab : new String[][] {{"Network", "network"}, {"Accounts", "users"}, {"Clock", "clock"},
                    {"Hardware", "hardware"}}) {
                onFx(() -> {
                    TabPane tabs = (TabPane) stage.getScene().lookup("#detailsTabs");
                    tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals(tab[0]))
                            .findFirst().orElseThrow());
                });
                capture(prefix + "-" + tab[1] + ".png");
                if (tab[1].equals("network")) {
                    Platform.runLater(() -> ((Button) stage.getScene().lookup("#editWired")).fire());
                    capture(prefix + "-network-edit.png");
                    onFx(() -> List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w != stage)
                            .forEach(javafx.stage.Window::hide));
                }
            }
        }
        Platform.exit();
    }

    private static void onFx(Runnable work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            work.run();
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private static void capture(String file) throws Exception {
        Thread.sleep(2500);
        Process p = new ProcessBuilder("import", "-window", "root", file).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }
}
