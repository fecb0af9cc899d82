package dev.outband.app.ui.ider;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ider.FloppyImage;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Not a test: shows the console and its Boot media window booting a virtual device from a floppy image, for the
 * screenshot in docs/ider.png, with the device's KVM screen showing what its firmware read. Run under Xvfb with the
 * test class path; args: the PNG to write, the folder for the image.
 */
public final class BootMediaScreenshotProbe {
    private BootMediaScreenshotProbe() {}

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("outband-ider-shot");
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("lab-pc-07", "admin", "Lab-Passw0rd")
                .withOptInRequired(0).withBootDuration(Duration.ofMinutes(5)));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null);
                DeviceStore store = DeviceStore.open(home.resolve("data"), () -> null)) {
            store.devices().insert(Device.of("lab-pc-07", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Lab-Passw0rd")));
            Path image = Files.write(Files.createDirectories(Path.of(args[1])).resolve("freedos-1.3-boot.img"),
                    FloppyImage.build());
            DeviceConnections connections = new DeviceConnections(DeviceConnections.Ports.of(
                    d -> ports.httpPort(), d -> ports.kvmPort()));
            CompletableFuture<Stage> shown = new CompletableFuture<>();
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setTitle("Outband");
                ConsoleFixture.show(stage, store, connections);
                stage.setX(0);
                stage.setY(0);
                shown.complete(stage);
            });
            Stage main = shown.get(20, TimeUnit.SECONDS);
            Thread.sleep(3000);
            Platform.runLater(() -> {
                TableView<?> table = (TableView<?>) main.getScene().lookup(".table-view");
                table.getSelectionModel().select(0);
                ((Button) main.getScene().lookup("#bootMedia")).fire();
            });
            Thread.sleep(1500);
            Platform.runLater(() -> {
                Window media = Window.getWindows().stream().filter(w -> w != main).findFirst().orElseThrow();
                media.setX(0);
                media.setY(520);
                media.setWidth(600);
                ((TextField) media.getScene().lookup("#iderImage")).setText(image.toString());
                ((Button) media.getScene().lookup("#iderStart")).fire();
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!device.ider().readout().finished() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Platform.runLater(() -> ((Button) main.getScene().lookup("#kvm")).fire());
            Thread.sleep(4000);
            Platform.runLater(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().contains("KVM"))
                    .forEach(w -> {
                        w.setWidth(830);
                        w.setHeight(660);
                        w.setX(610);
                        w.setY(150);
                    }));
            Thread.sleep(2500);
            Process shot = new ProcessBuilder("import", "-window", "root", args[0]).inheritIO().start();
            shot.waitFor(30, TimeUnit.SECONDS);
            Platform.exit();
        }
    }
}
