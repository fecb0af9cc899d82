package dev.outband.app.cli;

import dev.outband.app.store.DeviceStore;
import dev.outband.app.transfer.DeviceTransfer;
import dev.outband.app.transfer.TransferException;
import dev.outband.app.transfer.TransferFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Export the device list (without passwords unless --include-passwords).",
        mixinStandardHelpOptions = true)
final class DevicesExport implements Callable<Integer> {
    @ParentCommand
    DevicesCommand devices;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--format", converter = FormatConverter.class, description = "csv or meshcommander (default: by extension, else csv).")
    TransferFormat format;

    @Option(names = "--include-passwords", description = "Write AMT passwords in clear text into the file.")
    boolean includePasswords;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = devices.context();
        TransferFormat f = format == null ? TransferFormat.detect(file, "") : format;
        int count;
        try (DeviceStore store = ctx.openStore()) {
            count = new DeviceTransfer(store.devices()).exportFile(file, f, includePasswords);
        } catch (TransferException e) {
            throw new UserException(e.getMessage());
        }
        ctx.out().println("Exported " + count + " device(s) to " + file + (includePasswords ? " WITH passwords" : ""));
        return ExitCode.OK;
    }
}
