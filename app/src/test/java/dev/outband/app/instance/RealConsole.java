package dev.outband.app.instance;

import dev.outband.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code outband} in a child JVM on a given data folder: the console on JavaFX's headless platform, or a command. */
public final class RealConsole {
    private RealConsole() {
    }

    /** Starts {@code outband ARGS} with OUTBAND_HOME set to {@code folder}; stdout and stderr go to {@code log}. */
    public static Process start(Path folder, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Djavafx.cachedir=" + System.getProperty("javafx.cachedir", folder.resolve("fx").toString()),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OUTBAND_HOME", folder.toString());
        return builder.start();
    }

    /** Starts the console and returns once its doors are open (for a second start, for commands) and the store is its own. */
    public static Process startConsole(Path folder, Path log) throws Exception {
        Process console = start(folder, log);
        for (int i = 0; i < 600 && !(Files.exists(folder.resolve(ConsoleInstance.DOOR_FILE))
                && Files.exists(folder.resolve("command.door")) && storeOpen(folder)); i++) {
            if (!console.isAlive()) {
                throw new AssertionError("the console ended: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
        return console;
    }

    private static boolean storeOpen(Path folder) throws IOException {
        Path owner = folder.resolve("outband.owner");
        return Files.exists(owner) && Files.readString(owner).contains("the console");
    }

    /** Runs a command to its end (bounded) and returns its exit code. */
    public static int run(Process process) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            throw new AssertionError("the process did not end within 60 s");
        }
        return process.exitValue();
    }
}
