package dev.outband.app.cli;

import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.store.DeviceStore;
import dev.outband.cira.apf.DeviceUuid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code outband cira credentials UUID --out FILE}: the device's own CIRA user and password (made the first
 * time), sealed in the store for the console's listener and written to a new owner-only file for the
 * technician to configure the device with (also a {@code cira listen --device-credentials} file).
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "A device's own CIRA user and password (made the first time); the console's listener admits"
                + " its UUID only with them.")
final class CiraCredentialsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "UUID", description = "The device's AMT UUID.")
    String uuid;

    @Option(names = "--out", required = true,
            description = "New file (owner-only) to receive UUID,USER,PASSWORD; the password is never printed.")
    Path out;

    CiraCredentialsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        DeviceUuid device;
        try {
            device = DeviceUuid.parse(uuid);
        } catch (IllegalArgumentException e) {
            throw new UserException("'" + uuid + "' is not a UUID");
        }
        if (Files.exists(out)) {
            throw new UserException(out + " exists; give a new file");
        }
        CiraAccounts.Account account;
        try (DeviceStore store = context.openStore()) {
            account = new CiraAccounts(store.secrets()).ensure(device);
        }
        write(out, device + "," + account.user() + "," + account.password() + "\n");
        context.out().printf("Device %s: CIRA user %s, password written to %s.%n", device, account.user(), out);
        return ExitCode.OK;
    }

    private static void write(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " exists; give a new file", e);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
