package dev.outband.app.cli;

import dev.outband.app.activation.ActivationContext;
import dev.outband.app.activation.ActivationProgress;
import dev.outband.app.activation.ActivationServer;
import dev.outband.app.activation.ActivationSettings;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.LocalAddresses;
import dev.outband.app.cira.StartRequest;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.DeviceStore;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.cira.listener.ServerIdentity;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code outband activate serve}: the activation server for DMT's device client, with the lab listener beside it
 * when a profile calls home; prints where it listens, its certificate's fingerprint and the line to run on a device.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve activation to DMT's open-source device client (rpc-go) until interrupted: devices run"
                + " 'rpc activate -u wss://THIS:PORT/activate?key=KEY --profile NAME' and are set up as the profile"
                + " says, then stored. Needs a lab CA (outband ca create) for the server's certificate.")
final class ActivateServeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "Address to listen on (default: all of this machine's addresses).")
    InetAddress address = anyAddress();

    @Option(names = "--port", defaultValue = "" + ActivationSettings.DEFAULT_PORT,
            description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "NAME",
            description = "The name or address devices use for this laptop, put in the certificate and the command line"
                    + " (default: this machine's names and addresses).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "First line: the API key clients must give (?key= in their URL).")
    Path apiKeyFile;

    @Option(names = "--no-api-key", description = "Admit any client that reaches the port (a closed lab only).")
    boolean noApiKey;

    @Option(names = "--cira-port", defaultValue = "" + ListenerSettings.DEFAULT_PORT,
            description = "Port of the lab listener that call-home profiles point devices at (default: ${DEFAULT-VALUE}).")
    int ciraPort;

    @Option(names = "--keep-deactivated",
            description = "A deactivated device stays in the store tagged 'unprovisioned' (default: it is removed).")
    boolean keepDeactivated;

    @Option(names = "--settle-seconds", defaultValue = "12", hidden = true,
            description = "Wait after Setup/AdminSetup before using the new admin account (rps waits 12 s).")
    int settleSeconds;

    ActivateServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if ((apiKeyFile == null) == !noApiKey) {
            throw new UserException("Give the clients' API key with --api-key-file FILE, or run with --no-api-key on"
                    + " a closed lab network");
        }
        char[] apiKey = noApiKey ? null : key(apiKeyFile);
        boolean interrupted = false;
        try (UntilStopped stopper = new UntilStopped("activate-serve");
             DeviceStore store = ctx.openStore();
             LabListener listener = new LabListener(ListenerSettings.defaults())) {
            LabAuthority ca = new LabAuthority(store.folder(), store.secrets(), Clock.systemUTC());
            if (!ca.exists()) {
                throw new UserException("There is no lab CA to sign the activation server's certificate: outband ca create");
            }
            List<String> names = hosts.isEmpty() ? LocalAddresses.names() : hosts;
            ServerIdentity identity = ca.issueListenerIdentity(names.getFirst(), names);
            List<ActivationProfile> profiles = store.profiles().findAll();
            listener.attach(store);
            if (profiles.stream().anyMatch(ActivationProfile::callsHome)) {
                listener.start(new StartRequest(ciraPort, "", null, null));
                ctx.out().printf("Lab listener on port %d for devices that call home.%n", listener.port());
            }
            DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS, listener)
                    .trusting(LabAuthority.trustedRoots(store.folder()));
            ActivationContext context = new ActivationContext(store,
                    ActivationContext.Lab.of(store, connections, Clock.systemUTC()),
                    keepDeactivated ? ActivationContext.Deactivated.MARK : ActivationContext.Deactivated.REMOVE,
                    Duration.ofSeconds(settleSeconds), Clock.systemUTC());
            ActivationSettings settings = ActivationSettings.defaults(address).withPort(port);
            try (ActivationServer server = ActivationServer.start(settings, identity, apiKey, context, this::print)) {
                ctx.out().printf("Activation server on %s; Ctrl+C stops it.%n", server.url(names.getFirst()));
                ctx.out().printf("Certificate SHA-256 %s (signed by the lab CA for %s)%n", server.fingerprint(),
                        String.join(", ", names));
                ctx.out().println("rpc-go checks the server's certificate against the device's system roots: install"
                        + " the lab root there (outband ca export lab-root.pem), or add -n to skip the check.");
                if (profiles.isEmpty()) {
                    ctx.out().println("No profiles yet: outband profiles add NAME --mode ccm …");
                }
                for (ActivationProfile p : profiles) {
                    ctx.out().printf("  %s%n", server.commandLine(names.getFirst(), p.name(), apiKey != null));
                }
                ctx.out().flush();
                interrupted = stopper.await(ctx);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** One line per finished session (the step names where a failure stopped). */
    private void print(ActivationProgress p) {
        if (p.state() == ActivationProgress.State.RUNNING) {
            return;
        }
        synchronized (ctx.out()) {
            ctx.out().printf("%s %-20s %-36s %s%n", p.state() == ActivationProgress.State.DONE ? "done  " : "FAILED",
                    p.hostname().isEmpty() ? "-" : p.hostname(), p.uuid().isEmpty() ? "-" : p.uuid(),
                    p.state() == ActivationProgress.State.DONE ? p.message() : p.step() + ": " + p.message());
            ctx.out().flush();
        }
    }

    private static char[] key(Path file) throws UserException {
        try {
            String key = CliContext.firstLine(Files.readString(file, StandardCharsets.UTF_8));
            if (key.length() < 12) {
                throw new UserException("The API key in " + file + " is shorter than 12 characters");
            }
            return key.toCharArray();
        } catch (java.io.IOException e) {
            throw new UserException("Cannot read " + file);
        }
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("0.0.0.0 is a literal", e);
        }
    }
}
