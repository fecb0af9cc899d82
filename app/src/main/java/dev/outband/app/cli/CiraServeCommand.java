package dev.outband.app.cli;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.api.ApiSettings;
import dev.outband.app.api.ListenerApi;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.StartRequest;
import dev.outband.app.store.DeviceStore;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.wsman.tls.Certificates;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code outband cira serve}: the console's own lab listener without its window (the store's devices and CIRA
 * accounts, the lab CA's certificate), and with {@code --api} DMT MPS's REST API and KVM relay for its devices.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the console's lab listener headless until interrupted: devices call in with their own"
                + " CIRA accounts (or a lab-wide one); with --api it also serves DMT MPS's REST API and KVM relay.")
final class CiraServeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--port", defaultValue = "" + ListenerSettings.DEFAULT_PORT,
            description = "CIRA port devices call (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", defaultValue = "", description = "Lab-wide CIRA user, for devices without their own account.")
    String user;

    @Option(names = "--cira-password-file", paramLabel = "FILE",
            description = "First line: the lab-wide CIRA password (default: the one saved by the console).")
    Path ciraPasswordFile;

    @Option(names = "--ca-passphrase-file", paramLabel = "FILE",
            description = "First line: the lab CA passphrase, when it must sign a new listener certificate.")
    Path caPassphraseFile;

    @Option(names = "--api", description = "Also serve DMT MPS's REST API and KVM relay (off by default).")
    boolean api;

    @Option(names = "--api-bind", paramLabel = "ADDRESS",
            description = "Address the API listens on (default: loopback; any other address serves TLS only).")
    InetAddress apiBind = InetAddress.getLoopbackAddress();

    @Option(names = "--api-port", defaultValue = "" + ApiSettings.DEFAULT_PORT,
            description = "API port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--api-tls", description = "Serve the API over TLS with the listener's certificate also on loopback.")
    boolean apiTls;

    @Option(names = "--api-user", defaultValue = ApiSettings.DEFAULT_USER,
            description = "The API's user (default: ${DEFAULT-VALUE}).")
    String apiUser;

    @Option(names = "--api-password-file", paramLabel = "FILE",
            description = "First line: the API user's password, sealed in the store (default: the one saved last time).")
    Path apiPasswordFile;

    @Option(names = "--api-binary-frames",
            description = "Relay device bytes as binary websocket frames (default: UTF-8 text frames, as a real MPS).")
    boolean binaryFrames;

    CiraServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ApiSettings settings;
        boolean interrupted = false;
        try {
            settings = ApiSettings.defaults().withBind(apiBind, apiPort).withUser(apiUser)
                    .withRelayTextFrames(!binaryFrames);
            settings = apiTls ? settings.withTls(true) : settings;
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        try (UntilStopped stopper = new UntilStopped("cira-serve");
             DeviceStore store = ctx.openStore();
             LabListener listener = new LabListener(ListenerSettings.defaults())) {
            listener.attach(store);
            int bound = listener.start(new StartRequest(port, user, firstLine(ciraPasswordFile),
                    firstLine(caPassphraseFile)));
            ctx.out().printf("CIRA listener on port %d; Ctrl+C stops it.%n", bound);
            listener.certificate().ifPresent(c -> ctx.out().printf("Certificate SHA-256 %s%n", Certificates.sha256(c)));
            DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS, listener)
                    .trusting(LabAuthority.trustedRoots(ctx.dataFolder()));
            try (ListenerApi served = api ? ListenerApi.start(settings, firstLine(apiPasswordFile), listener, store,
                    connections) : null;
                 OwnerDoor door = OwnerDoor.open(store, listener, ctx.env(), DoorSettings.defaults())) {
                if (served != null) {
                    ctx.out().printf("MPS API on %s/api/v1 (user %s), KVM relay on %s/relay/webrelay.ashx%n",
                            served.url(), settings.user(), served.url().replaceFirst("^http", "ws"));
                }
                ctx.out().println("Commands beside this one (devices list, info, power, kvm screenshot) run here.");
                ctx.out().flush();
                interrupted = stopper.await(ctx);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static char[] firstLine(Path file) throws UserException {
        if (file == null) {
            return new char[0];
        }
        try {
            return CliContext.firstLine(Files.readString(file, StandardCharsets.UTF_8)).toCharArray();
        } catch (java.io.IOException e) {
            throw new UserException("Cannot read " + file);
        }
    }
}
