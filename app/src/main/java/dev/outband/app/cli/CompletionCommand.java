package dev.outband.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints the shell completion script that picocli generates from the command tree itself. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a completion script for bash (zsh loads it after 'autoload -U bashcompinit; bashcompinit').",
            "Use: source <(outband completion bash), or save it in /etc/bash_completion.d/outband."})
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    OutbandCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash", description = "Only bash (the default).")
    Shell shell;

    enum Shell { bash }

    @Override
    public Integer call() {
        root.context().out().print(AutoComplete.bash("outband", spec.root().commandLine()));
        return ExitCode.OK;
    }
}
