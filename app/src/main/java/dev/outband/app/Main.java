package dev.outband.app;

import dev.outband.app.cli.Cli;
import dev.outband.app.cli.CliContext;
import dev.outband.app.cli.ExitCode;
import dev.outband.app.store.DataFolder;
import dev.outband.app.ui.Settings;
import dev.outband.wsman.tls.LegacyTls;
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

    public static void main(String[] args) {
        // The JDK reads its TLS restrictions once, so the technician's opt-in must apply before any connection.
        if (Settings.load(DataFolder.resolve()).legacyTls()) {
            LegacyTls.allowInThisJvm();
        }
        if (Cli.wantsCli(args)) {
            System.exit(Cli.run(args, CliContext.system()));
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
