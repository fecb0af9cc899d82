package dev.outband.app;

import dev.outband.app.cli.Cli;
import dev.outband.app.cli.CliContext;
import javafx.application.Application;

/**
 * Entry point: no arguments or GUI options open the console, anything else runs the CLI. Kept apart
 * from the Application subclass so JavaFX starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Cli.wantsCli(args)) {
            System.exit(Cli.run(args, CliContext.system()));
        }
        Application.launch(OutbandApp.class, args);
    }
}
