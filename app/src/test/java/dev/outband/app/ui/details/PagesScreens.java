package dev.outband.app.ui.details;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.BootOptions;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Shows each device page of a simulated device in the console and captures the screen with ImageMagick's
 * import (run under xvfb-run; writes {@code <prefix>-<page>.png}). Not a test.
 */
public final class PagesScreens {
    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        Path home = Files.createTempDirectory("outband-screens");
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("front-desk-01", "admin", "Sim-Passw0rd")
                .withProvisioningMode(1).withOptInRequired(1));
        device.setBootOptions(new BootOptions(true, false, true, null, true));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null);
             DeviceStore store = DeviceStore.open(home.resolve("data"), () -> null)) {
            var root = new LabAuthority(home.resolve("ca"), store.secrets(), Clock.systemUTC()).create("Lab MPS Root");
            device.certificates().addTrustedRoot(Base64.getEncoder().encodeToString(root.getEncoded()));
            device.subscribers().subscribe("Intel(r) AMT:All", "https://siem.lab.example:8443/amt-events", 3);
            for (String name : List.of("front-desk-01", "lab-bench-07", "reception-pc")) {
                store.devices().insert(Device.of(name, "127.0.0.1")
                        .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
            }
            Platform.startup(() -> { });
            Platform.setImplicitExit(false);
            CompletableFuture<Stage> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                ConsoleFixture.show(stage, store, new DeviceConnections(d -> ports.httpPort()));
                stage.setX(0);
                stage.setY(0);
                shown.complete(stage);
            });
            Stage stage = shown.get(20, TimeUnit.SECONDS);
            Thread.sleep(2000);
            // Only the console window, not the empty screen around it.
            String crop = (int) stage.getWidth() + "x" + (int) stage.getHeight() + "+0+0";
            onFx(() -> {
                TableView<?> table = (TableView<?>) stage.getScene().lookup("#deviceTable");
                table.getSelectionModel().select(0);
            });
            for (String page : args.length > 1 ? List.of(args).subList(1, args.length)
                    : List.of("Boot", "Features", "Certificates", "Subscriptions")) {
                onFx(() -> {
                    TabPane tabs = (TabPane) stage.getScene().lookup("#detailsTabs");
                    tabs.getTabs().stream().filter(t -> t.getText().equals(page)).findFirst()
                            .ifPresent(t -> tabs.getSelectionModel().select(t));
                });
                capture(prefix + "-" + page.toLowerCase() + ".png", crop);
            }
        }
        Platform.exit();
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    /** Waits for the page's reads (two cores shared with other work), then captures the window's area. */
    private static void capture(String file, String crop) throws Exception {
        Thread.sleep(6000);
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage", file).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }
}
