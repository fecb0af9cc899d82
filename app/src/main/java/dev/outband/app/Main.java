package dev.outband.app;

import dev.outband.app.cli.Cli;
import dev.outband.app.cli.CliContext;
import dev.outband.app.store.DataFolder;
import dev.outband.app.ui.Settings;
import dev.outband.wsman.tls.LegacyTls;
import javafx.application.Application;

/**
 * Entry point: no arguments or GUI options open the console, anything else runs the CLI. Kept apart
 * from the Application subclass so JavaFX starts from the class path.
 */
public final class Main {
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
        Application.launch(OutbandApp.class, args);
    }
}
