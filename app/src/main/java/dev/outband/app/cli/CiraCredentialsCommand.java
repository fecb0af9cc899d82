package dev.outband.app.cli;

import dev.outband.app.cira.CiraDeviceCredentials;
import dev.outband.app.store.DeviceStore;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
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
 * {@code outband cira credentials UUID --out FILE}: gives a device its own CIRA user and password,
 * sealed in the store for the console's listener and written once to an owner-only file for the
 * technician to configure the device with (also a {@code cira listen --device-credentials} file).
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Generate a device's own CIRA user and password; the console's listener then admits its UUID"
                + " only with them.")
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
        CiraCredential credential;
        try (DeviceStore store = context.openStore()) {
            credential = new CiraDeviceCredentials(store.secrets()).generate(device);
        }
        write(out, device + "," + credential.user() + ","
                + new String(credential.password(), StandardCharsets.US_ASCII) + "\n");
        context.out().printf("Device %s: CIRA user %s, password written to %s.%n"
                + "Restart the lab listener to admit it.%n", device, credential.user(), out);
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
