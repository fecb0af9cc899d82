package dev.outband.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code outband} command; subcommands are registered in {@link Cli#commandLine}. */
@Command(name = "outband", mixinStandardHelpOptions = true, version = "Outband 0.1.0",
        description = "Intel AMT out-of-band console. Without a command it opens the console window.")
public final class OutbandCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    public OutbandCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }
}
