package dev.outband.app.cli;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code outband devices pin <device> <sha256>}: trust exactly this TLS certificate for the device. */
@Command(name = "pin", mixinStandardHelpOptions = true,
        description = "Trust exactly the TLS certificate with this SHA-256 for a device (colons allowed).")
final class DevicesPin implements Callable<Integer> {
    @ParentCommand
    DevicesCommand devices;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "SHA256")
    String sha256;

    @Override
    public Integer call() throws Exception {
        String hex = fingerprint(sha256);
        CliContext ctx = devices.context();
        try (DeviceStore store = ctx.openStore()) {
            Device device = store.devices().findByName(name)
                    .orElseThrow(() -> new UserException("No device named '" + name + "'"));
            store.devices().pinCertificate(device.id(), hex);
        }
        ctx.out().println("Pinned " + name + " to certificate SHA-256 " + hex);
        return ExitCode.OK;
    }

    /** A SHA-256 as typed (any case, colons allowed) in lower-case hex, or what is wrong with it. */
    static String fingerprint(String typed) throws UserException {
        String hex = typed.replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new UserException("A SHA-256 fingerprint is 64 hex digits (colons allowed)");
        }
        return hex;
    }
}
