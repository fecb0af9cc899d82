package dev.outband.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsoleInstanceTest {
    private static final InstanceSettings QUICK = new InstanceSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMillis(50), 256);

    @TempDir
    Path folder;

    @Test
    void aSecondStartFindsTheConsoleInAnotherProcessAndAsksItToShowItsWindow() throws Exception {
        Process console = start(folder);
        try (var out = lines(console)) {
            assertThat(next(out)).isEqualTo("serving");

            assertThat(ConsoleInstance.claim(folder, QUICK)).isEmpty();
            assertThat(ConsoleInstance.showRunning(folder, QUICK)).isTrue();

            assertThat(next(out)).isEqualTo("shown");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(ConsoleInstance.DOOR_FILE))))
                    .isEqualTo("rw-------");
        } finally {
            console.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRequestWithoutTheTokenIsRefusedAndShowsNothing() throws Exception {
        Process console = start(folder);
        try (var out = lines(console)) {
            assertThat(next(out)).isEqualTo("serving");
            int port = Integer.parseInt(Files.readAllLines(folder.resolve(ConsoleInstance.DOOR_FILE)).getFirst());

            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write(("show " + "0".repeat(64) + "\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine()).isEqualTo("refused");
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write("x".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
            // The door still opens for the right token, and "shown" is the first thing the console printed since.
            assertThat(ConsoleInstance.showRunning(folder, QUICK)).isTrue();
            assertThat(next(out)).isEqualTo("shown");
        } finally {
            console.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aConsoleThatWasKilledLeavesTheFolderToTheNextStart() throws Exception {
        Process console = start(folder);
        try (var out = lines(console)) {
            assertThat(next(out)).isEqualTo("serving");
        }
        console.destroyForcibly().waitFor(20, TimeUnit.SECONDS);

        assertThat(ConsoleInstance.showRunning(folder, QUICK)).isFalse();
        try (ConsoleInstance next = ConsoleInstance.claim(folder, QUICK).orElseThrow()) {
            assertThat(ConsoleInstance.claim(folder, QUICK)).isEmpty();
        }
    }

    private static Process start(Path folder) throws IOException {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ConsoleStandIn.class.getName(), folder.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String next(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
    }
}
