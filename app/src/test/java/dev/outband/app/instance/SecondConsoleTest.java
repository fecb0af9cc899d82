package dev.outband.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SecondConsoleTest {
    @TempDir
    Path folder;

    @Test
    void aSecondConsoleOnTheSameStoreBringsTheFirstToTheFrontAndEnds() throws Exception {
        Process first = RealConsole.startConsole(folder, folder.resolve("first.log"));
        try {
            Path log = folder.resolve("second.log");
            long started = System.nanoTime();
            int code = RealConsole.run(RealConsole.start(folder, log));

            assertThat(code).isZero();
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .contains("outband: the console is already open for " + folder + "; its window was brought to the front");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
            first.destroyForcibly();
        }
    }

    @Test
    void aCommandThatReadsDevicesRunsInTheConsoleAndOneThatChangesTheStoreEndsWithItsOwnCode() throws Exception {
        Process console = RealConsole.startConsole(folder, folder.resolve("console.log"));
        try {
            Path listed = folder.resolve("list.log");
            assertThat(RealConsole.run(RealConsole.start(folder, listed, "devices", "list", "--json"))).isZero();
            assertThat(Files.readString(listed, StandardCharsets.UTF_8)).contains("[ ]");

            Path log = folder.resolve("remove.log");
            int code = RealConsole.run(RealConsole.start(folder, log, "devices", "remove", "nobody"));

            assertThat(code).isEqualTo(ExitCode.STORE_IN_USE);
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .contains("outband: The device store is open in the console (pid " + console.pid() + ")")
                    .contains("use the console's window for this, or close the console and run the command again");
        } finally {
            console.destroy();
            console.waitFor(30, TimeUnit.SECONDS);
            console.destroyForcibly();
        }
    }
}
