package dev.outband.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code outband devices ...}: the device store from the command line. */
@Command(name = "devices", description = "List, add, remove, import, export devices and pin their certificates.",
        mixinStandardHelpOptions = true,
        subcommands = {DevicesList.class, DevicesAdd.class, DevicesRemove.class, DevicesImport.class,
                DevicesExport.class, DevicesPin.class})
public final class DevicesCommand implements Runnable {
    @ParentCommand
    OutbandCommand parent;

    @Spec
    CommandSpec spec;

    CliContext context() {
        return parent.context();
    }

    @Override
    public void run() {
        spec.commandLine().usage(context().out());
    }
}
