package dev.outband.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code outband cira …}, {@code outband bench …}); alone it prints its usage. */
@Command(mixinStandardHelpOptions = true)
final class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    static CommandLine named(String name, String description, Object... subcommands) {
        CommandLine group = new CommandLine(new CommandGroup());
        group.setCommandName(name);
        group.getCommandSpec().usageMessage().description(description);
        for (Object sub : subcommands) {
            group.addSubcommand(sub);
        }
        return group;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
