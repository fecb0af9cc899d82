package dev.outband.app.cli;

import dev.outband.app.store.DeviceStore;
import dev.outband.app.transfer.DeviceTransfer;
import dev.outband.app.transfer.ImportResult;
import dev.outband.app.transfer.Rejection;
import dev.outband.app.transfer.TransferException;
import dev.outband.app.transfer.TransferFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", description = "Import a CSV or MeshCommander JSON device list. Exit 3 when some lines were refused.",
        mixinStandardHelpOptions = true)
final class DevicesImport implements Callable<Integer> {
    @ParentCommand
    DevicesCommand devices;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--format", converter = FormatConverter.class, description = "csv or meshcommander (default: by extension/content).")
    TransferFormat format;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = devices.context();
        ImportResult result;
        try (DeviceStore store = ctx.openStore()) {
            result = new DeviceTransfer(store.devices()).importFile(file, format);
        } catch (TransferException e) {
            throw new UserException(e.getMessage());
        }
        ctx.out().println("Imported " + result.imported().size() + " device(s), refused " + result.rejected().size());
        for (Rejection r : result.rejected()) {
            ctx.err().println(file.getFileName() + ": " + r);
        }
        return result.partial() ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
