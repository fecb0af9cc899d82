package dev.outband.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.cli.ExitCode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console started where there is no display, in its own JVM as the launchers start it. */
class NoDisplayTest {
    private static final long EXIT_SECONDS = 60;

    @TempDir
    Path home;

    @Test
    void withoutADisplayTheConsoleSaysSoInOneLine() throws Exception {
        // JavaFX on the module path like ./outband and the packaged app; the rest of the test class path as class path.
        List<String> entries = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        Predicate<String> javafx = e -> Path.of(e).getFileName().toString().startsWith("javafx-");
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=javafx.graphics,ALL-UNNAMED",
                "--module-path", entries.stream().filter(javafx).collect(Collectors.joining(File.pathSeparator)),
                "--add-modules", "javafx.controls",
                "-cp", entries.stream().filter(javafx.negate()).collect(Collectors.joining(File.pathSeparator)),
                Main.class.getName());
        process.environment().remove("DISPLAY");
        process.environment().remove("WAYLAND_DISPLAY");
        process.environment().put("OUTBAND_HOME", home.toString());
        Path output = home.resolve("output.txt");
        process.redirectErrorStream(true).redirectOutput(output.toFile());

        Process started = process.start();
        boolean exited = started.waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            started.destroyForcibly();
        }

        assertThat(exited).as("the console exits by itself without a display").isTrue();
        assertThat(started.exitValue()).isEqualTo(ExitCode.USER_ERROR);
        // "Unable to open DISPLAY" is JavaFX's own message (GtkApplication) when it cannot reach an X display.
        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8))
                .containsExactly(Main.noDisplay("Unable to open DISPLAY"));
    }
}
