package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands that wait on a device: the store stays free for the console meanwhile (checked from a second JVM, as
 * the console would open it), and a KVM port that accepts and stays silent ends at the command's --timeout.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetworkWaitTest {
    @TempDir
    Path home;

    private final VirtualDevice device = new VirtualDevice(
            DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd").withOptInRequired(0));
    private DevicePorts ports;
    private ServerSocket slow;
    /** Accepts KVM connections (the backlog holds them) and never says a word. */
    private ServerSocket silentKvm;
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread slowThread;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        slow = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        silentKvm = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        slowThread = Thread.ofVirtual().start(this::trickleUntilReleased);
        for (String name : List.of("sim-1", "slow")) {
            assertThat(run("Sim-Passw0rd", "devices", "add", "--name", name, "--host", "127.0.0.1", "--user", "admin",
                    "--password-stdin")).as(err.toString()).isZero();
        }
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        slow.close();
        silentKvm.close();
        slowThread.join(Duration.ofSeconds(5));
        ports.close();
    }

    @ParameterizedTest(name = "{0} leaves the store free while the device is slow to answer")
    @ValueSource(strings = {"info slow", "power off slow"})
    void aCommandWaitingOnADeviceLeavesTheStoreFree(String command) throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli = Thread.ofVirtual().start(() -> exit.set(run("", command.split(" "))));
        assertThat(asked.await(20, TimeUnit.SECONDS)).as("the command reached the device").isTrue();

        assertThat(openFromAnotherProcess()).startsWith("opened, 2 devices");

        release.countDown();
        assertThat(cli.join(Duration.ofSeconds(30))).isTrue();
        assertThat(exit.get()).isNotZero();
    }

    @Test
    void infoStillWritesWhatTheDeviceSaidOnceItAnswered() throws Exception {
        assertThat(run("", "info", "sim-1")).as(err.toString()).isZero();
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            assertThat(store.devices().findByName("sim-1").orElseThrow().state().amtVersion()).isNotBlank();
            assertThat(store.devices().findByName("sim-1").orElseThrow().state().powerState()).isEqualTo("On");
        }
    }

    @Test
    void kvmScreenshotEndsAtItsTimeoutWhenTheKvmPortStaysSilent() throws Exception {
        long start = System.nanoTime();
        int exit = run("", "kvm", "screenshot", "sim-1", "--out", home.resolve("shot.png").toString(),
                "--timeout", "2");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exit).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("the device did not complete the KVM handshake within");
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(home.resolve("shot.png")).doesNotExist();
    }

    @Test
    void theConsolesKvmOpenEndsWithinItsBudgetWhenTheKvmPortStaysSilent() throws Exception {
        Device stored;
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            stored = store.devices().findByName("sim-1").orElseThrow();
        }
        long start = System.nanoTime();
        // What the console's KVM button runs off the FX thread (DeviceKvm.connect).
        assertThatThrownBy(() -> new DeviceConnections(portPlan()).device(stored).kvm())
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessageStartingWith("the device did not complete the KVM handshake within ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
    }

    /** WS-Man for "slow": a 200 whose body comes a byte every 300 ms until the test releases it. */
    private void trickleUntilReleased() {
        for (int accepted = 0; accepted < 5 && !slow.isClosed(); accepted++) {
            try (Socket s = slow.accept()) {
                readHead(s.getInputStream());
                asked.countDown();
                OutputStream o = s.getOutputStream();
                o.write("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml\r\nContent-Length: 4000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 4000 && !release.await(300, TimeUnit.MILLISECONDS); i++) {
                    o.write(' ');
                    o.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // The client left or the test is over.
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        for (int n = 0; matched < 4 && n < 16_384; n++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    /** What a second JVM gets when it opens the store now, as the console would. */
    private String openFromAnotherProcess() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreProbe.class.getName(), home.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return said.lines().filter(l -> l.startsWith("opened") || l.startsWith("refused")).findFirst().orElse(said);
        } finally {
            p.destroyForcibly();
        }
    }

    private DeviceConnections.Ports portPlan() {
        return DeviceConnections.Ports.of(d -> d.name().equals("slow") ? slow.getLocalPort() : ports.httpPort(),
                d -> silentKvm.getLocalPort());
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err), portPlan()));
    }
}
