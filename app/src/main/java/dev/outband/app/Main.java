package dev.outband.app;

import dev.outband.app.cli.Cli;
import dev.outband.app.cli.CliContext;
import dev.outband.app.cli.ExitCode;
import dev.outband.app.instance.ConsoleInstance;
import dev.outband.app.instance.InstanceSettings;
import dev.outband.app.store.DataFolder;
import dev.outband.app.ui.Settings;
import dev.outband.wsman.tls.LegacyTls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;

/**
 * Entry point: no arguments or GUI options open the console, anything else runs the CLI. Kept apart
 * from the Application subclass so the java launcher starts it with JavaFX on the module path (launchers) or
 * on the class path (tests).
 */
public final class Main {
    /** The one line a start without a display prints; {@code reason} is JavaFX's. */
    static String noDisplay(String reason) {
        return "outband: cannot open the console window (" + reason + "): start it in a desktop session"
                + " (DISPLAY or WAYLAND_DISPLAY set), or use the command line: outband --help";
    }

    private Main() {
    }

    /** False when another console has this data folder: it is asked to show its window, and this start ends. */
    private static boolean becomeTheConsole(Path folder) {
        try {
            Optional<ConsoleInstance> instance = ConsoleInstance.claim(folder, InstanceSettings.defaults());
            if (instance.isPresent()) {
                OutbandApp.useInstance(instance.get());
                return true;
            }
            if (ConsoleInstance.showRunning(folder, InstanceSettings.defaults())) {
                System.out.println("outband: the console is already open for " + folder + "; its window was brought to the front");
                return false;
            }
            System.err.println("outband: a console already has " + folder + " but did not answer; close it, or end it"
                    + " if it hangs, and start again");
            System.exit(ExitCode.USER_ERROR);
        } catch (IOException e) {
            System.err.println("outband: cannot use the data folder " + folder + ": " + e.getMessage());
            System.exit(ExitCode.USER_ERROR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    public static void main(String[] args) {
        // The JDK reads its TLS restrictions once, so the technician's opt-in must apply before any connection.
        if (Settings.load(DataFolder.resolve()).legacyTls()) {
            LegacyTls.allowInThisJvm();
        }
        if (Cli.wantsCli(args)) {
            System.exit(Cli.run(args, CliContext.system()));
        }
        if (!becomeTheConsole(DataFolder.resolve())) {
            return;
        }
        try {
            Application.launch(OutbandApp.class, args);
        } catch (UnsupportedOperationException e) {
            // JavaFX's GTK toolkit throws this before any window exists when it cannot reach a display.
            System.err.println(noDisplay(e.getMessage()));
            System.exit(ExitCode.USER_ERROR);
        }
    }
}
