package dev.outband.app.ui.bulk;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.power.PowerConfirm;
import dev.outband.app.ui.power.PowerMenu;
import dev.outband.kvm.fx.KvmAction;
import dev.outband.kvm.fx.KvmWindow;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.power.PowerAction;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javax.net.SocketFactory;

/**
 * Shows the power confirmation, the results table and the KVM window on simulated devices and captures the
 * screen with ImageMagick's import (run under xvfb-run; writes {@code <prefix>-*.png}). Not a test.
 */
public final class BulkScreens {
    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        Path home = Files.createTempDirectory("outband-screens");
        VirtualDevice on = new VirtualDevice(DeviceConfig.of("front-desk-01", "admin", "Sim-Passw0rd")
                .withOptInRequired(0));
        VirtualDevice off = new VirtualDevice(DeviceConfig.of("lab-bench-07", "admin", "Sim-Passw0rd"));
        off.requestPowerState(8);
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (DevicePorts onPorts = DevicePorts.open(on, 0, 0, null); DevicePorts offPorts = DevicePorts.open(off, 0, 0,
                null); DeviceStore store = DeviceStore.open(home.resolve("data"), () -> null)) {
            for (String name : List.of("front-desk-01", "lab-bench-07", "reception-pc")) {
                store.devices().insert(Device.of(name, "127.0.0.1")
                        .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
            }
            DeviceConnections connections = new DeviceConnections(d -> switch (d.name()) {
                case "front-desk-01" -> onPorts.httpPort();
                case "lab-bench-07" -> offPorts.httpPort();
                default -> closed;
            });
            Platform.startup(() -> Theme.LIGHT.apply());
            Platform.setImplicitExit(false);
            List<String> many = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("classroom-%02d", i)).toList();
            Platform.runLater(() -> PowerConfirm.confirmed(PowerAction.RESET, many, null));
            capture(prefix + "-confirm.png");
            closeAll();

            List<Device> devices = store.devices().findAll();
            PowerRun run = new PowerRun(connections, store.devices(), Clock.systemUTC());
            CompletableFuture<Void> finished = new CompletableFuture<>();
            Platform.runLater(() -> new BulkProgress(null, "Power on", devices.size(), true).start("power-on", devices,
                    (all, progress) -> run.perform(PowerAction.ON, all, progress), PowerMenu::row,
                    () -> finished.complete(null)));
            finished.get(30, TimeUnit.SECONDS);
            capture(prefix + "-results.png");
            closeAll();

            RfbSession session = AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", onPorts.kvmPort(),
                    new AmtCredentials("admin", "Sim-Passw0rd".toCharArray()), AmtColourMode.AUTO, false,
                    Duration.ofSeconds(10));
            session.start();
            Platform.runLater(() -> {
                KvmWindow window = new KvmWindow(session, "front-desk-01 — Outband KVM", () -> null);
                window.setActions("Power", PowerMenu.PLAIN.stream()
                        .map(a -> new KvmAction(PowerMenu.label(a), () -> { })).toList());
                window.show();
                window.say("Screenshot saved to /home/tech/Pictures/front-desk-01-20261206-123000.png");
            });
            capture(prefix + "-kvm.png");
            closeAll();
        }
        Platform.exit();
    }

    private static void closeAll() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide);
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
