package dev.outband.app.cli;

import dev.outband.app.store.DeviceStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "remove", description = "Remove a device by name.", mixinStandardHelpOptions = true)
final class DevicesRemove implements Callable<Integer> {
    @ParentCommand
    DevicesCommand devices;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = devices.context();
        try (DeviceStore store = ctx.openStore()) {
            if (!store.devices().deleteByName(name)) {
                throw new UserException("No device named '" + name + "'");
            }
        }
        ctx.out().println("Removed " + name);
        return ExitCode.OK;
    }
}
