package dev.outband.simulator.cli;

import dev.outband.simulator.activation.ServerTrust;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.cira.CiraCallHome;
import dev.outband.simulator.cira.MpsCaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outband sim}: runs N virtual AMT devices on loopback until Ctrl-C. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run virtual Intel AMT devices on 127.0.0.1 (WS-Man over HTTP and optionally TLS).")
public final class SimCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "1", description = "How many devices (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--base-port", defaultValue = "0",
            description = "First port; device i uses base+2i (HTTP) and base+2i+1 (TLS). 0 = any free port.")
    int basePort;

    @Option(names = "--address", paramLabel = "127.X.Y.Z",
            description = "Device i listens on this loopback address + i, each with AMT's ports (--base-port, default "
                    + "16992, and the next three), as on a network; discover them with 'outband discover'.")
    String address;

    @Option(names = "--rmcp-port", defaultValue = "0", paramLabel = "PORT",
            description = "With --address: answer presence pings on this UDP port (AMT uses 623, which needs root; "
                    + "0 = none).")
    int rmcpPort;

    @Option(names = "--unprovisioned", defaultValue = "0", arity = "0..1", fallbackValue = "-1", paramLabel = "N",
            description = "The last N devices (all without N) are not provisioned: discovery shows them as such, "
                    + "and they can be activated (--activate, or a provisioning server over their WS-Man port).")
    int unprovisioned;

    @Option(names = "--activate", paramLabel = "wss://HOST:PORT/activate",
            description = "Activate each unprovisioned device through this provisioning server, as the open-source "
                    + "RPC client does on a real machine; the devices keep running afterwards.")
    URI activate;

    @Option(names = "--profile", paramLabel = "NAME", description = "The server's activation profile (--activate).")
    String profile;

    @Option(names = "--api-key", paramLabel = "KEY", description = "API key sent to the server (default: key, as "
            + "the RPC client sends).")
    String apiKey;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "PEM file of the CA that signed the server's certificate (without --ca or --fingerprint: "
                    + "the system's roots).")
    Path activationCa;

    @Option(names = "--fingerprint", paramLabel = "SHA256", description = "Trust exactly the server certificate "
            + "with this SHA-256.")
    String activationPin;

    @Option(names = "--provisioning-root", paramLabel = "FILE", description = "PEM of a provisioning root CA whose "
            + "hash the devices trust for admin control mode, as a hash added in MEBx.")
    Path provisioningRoot;

    @Option(names = "--tls", description = "TLS ports serve a certificate from a fresh lab CA from the start "
            + "(without it they serve one only once TLS is set up over WS-Man, as on AMT).")
    boolean tls;

    @Option(names = "--user", defaultValue = "admin", description = "Digest user (default ${DEFAULT-VALUE}).")
    String user;

    /** Kept hidden for old scripts: a password on the command line is visible to every user in the process list. */
    @Option(names = "--password", defaultValue = "P@ssw0rd!", hidden = true, description = "Digest password (deprecated).")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the digest password (without it: P@ssw0rd!, a lab default).")
    Path passwordFile;

    @Option(names = "--boot-seconds", defaultValue = "5", description = "How long a boot takes.")
    int bootSeconds;

    @Option(names = "--cira", paramLabel = "HOST:PORT",
            description = "Every device also calls this CIRA listener (the console's Lab listener or 'outband cira listen').")
    String cira;

    @Option(names = "--cira-user", description = "CIRA user the devices authenticate with.")
    String ciraUser;

    @Option(names = "--cira-password-file", description = "File whose first line is the CIRA password.")
    Path ciraPasswordFile;

    @Option(names = "--cira-pin", paramLabel = "SHA256",
            description = "SHA-256 of the listener's certificate, as the listener shows it; the devices accept no other.")
    String ciraPin;

    @Option(names = "--add-to-store", description = "Register the devices in the console's store (name, address and "
            + "ports, user and password; with --tls their certificate pinned), replacing devices of the same name.")
    boolean addToStore;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final FleetRegistrar registrar;

    /** Without a store: --add-to-store is refused (the simulator run on its own). */
    public SimCommand() {
        this(null);
    }

    /** With the console's store for --add-to-store. */
    public SimCommand(FleetRegistrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be 1..10000");
        }
        if (address == null && rmcpPort != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rmcp-port needs --address (each device on an address of its own)");
        }
        if (unprovisioned == -1) {
            unprovisioned = count;
        }
        if (unprovisioned < 0 || unprovisioned > count) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--unprovisioned must be 0..--count");
        }
        if (passwordFile != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--password")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --password-file or --password, not both");
            }
            password = firstLine(passwordFile);
        }
        if (addToStore && registrar == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--add-to-store needs the outband command");
        }
        SSLContext activationTls = activate == null ? null : activationTls();
        HostAndPort listener = cira == null ? null : listener();
        // One identity for the TLS ports and their twins in the CIRA tunnel: one fingerprint to pin.
        DeviceCertificates.Issued identity = tls ? DeviceCertificates.loopbackDevice() : null;
        SSLContext deviceTls = identity == null ? null : DeviceCertificates.serverContext(identity);
        DeviceFleet fleet = startFleet(deviceTls);
        if (provisioningRoot != null) {
            X509Certificate root = pemCertificate(provisioningRoot);
            fleet.members().forEach(m -> m.device().provisioning().trust(root));
        }
        CiraCallHome callHome = listener == null ? null : CiraCallHome.start(fleet, listener.host(), listener.port(),
                ciraUser, firstLine(ciraPasswordFile).getBytes(StandardCharsets.UTF_8), ciraPin, deviceTls);
        // Devices also call whatever MPS a console configures on them over WS-Man, as AMT would.
        List<MpsCaller> callers = fleet.members().stream().map(m -> MpsCaller.attach(m.device())).toList();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            if (callHome != null) {
                try {
                    callHome.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            callers.forEach(MpsCaller::close);
            fleet.close();
            stopped.countDown();
        };
        Thread hook = new Thread(stop, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // Ctrl-C runs the hook; an interrupt (a test, an embedding console) stops the fleet here.
        try {
            PrintWriter out = spec.commandLine().getOut();
            if (addToStore) {
                out.println(registrar.register(fleet, user, password,
                        identity == null ? null : identity.certificate()));
            }
            print(fleet, out);
            if (activate != null) {
                FleetActivation.run(fleet, activate, profile, apiKey, activationTls, out);
            }
            if (listener != null) {
                out.printf("Each device calls the CIRA listener at %s:%d (WS-Man and KVM through "
                        + "the tunnel).%n", listener.host(), listener.port());
                out.flush();
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs (and finds the fleet closed).
            }
        }
        return 0;
    }

    private DeviceFleet startFleet(SSLContext deviceTls) throws IOException {
        SSLServerSocketFactory factory = deviceTls == null ? null : deviceTls.getServerSocketFactory();
        if (address == null) {
            return DeviceFleet.start(count, basePort, user, password, factory, Duration.ofSeconds(bootSeconds),
                    i -> i >= count - unprovisioned);
        }
        InetAddress first;
        try {
            first = InetAddress.ofLiteral(address);
            DeviceFleet.offset(first, count - 1);
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--address takes a loopback IPv4 address (127.x.y.z) with room for --count devices");
        }
        int http = basePort == 0 ? 16992 : basePort;
        return DeviceFleet.startAt(first, count, http, rmcpPort, user, password, factory,
                Duration.ofSeconds(bootSeconds), i -> i >= count - unprovisioned);
    }

    private void print(DeviceFleet fleet, PrintWriter out) {
        out.printf("%-10s %-36s %-15s %6s %6s %6s %7s %s%n", "NAME", "UUID", "ADDRESS", "HTTP", "TLS", "KVM",
                "KVM-TLS", "USER");
        for (DeviceFleet.Member m : fleet.members()) {
            out.printf("%-10s %-36s %-15s %6d %6d %6d %7d %s%n", m.device().name(), m.device().uuid(),
                    m.ports().address().getHostAddress(), m.ports().httpPort(), m.ports().tlsPort(),
                    m.ports().kvmPort(), m.ports().kvmTlsPort(), user);
        }
        if (rmcpPort > 0) {
            out.printf("Presence pings are answered on UDP %d of each address.%n", rmcpPort);
        }
        for (DeviceFleet.Member m : fleet.members()) {
            m.device().consent().onCodeShown(code -> {
                out.printf("%s: user consent code %s is on its screen%n", m.device().name(), code);
                out.flush();
            });
        }
    }

    private record HostAndPort(String host, int port) {
    }

    /** --cira and the options it needs, checked before any device starts. */
    private HostAndPort listener() {
        int colon = cira.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(cira.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cira takes HOST:PORT, e.g. 127.0.0.1:4433");
        }
        if (ciraUser == null || ciraPasswordFile == null || ciraPin == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--cira needs --cira-user, --cira-password-file and --cira-pin (the listener's SHA-256)");
        }
        if (!ciraPin.replace(":", "").matches("[0-9a-fA-F]{64}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cira-pin is a SHA-256: 64 hex digits");
        }
        return new HostAndPort(cira.substring(0, colon), port);
    }

    /** --activate and its trust options, checked before any device starts. */
    private SSLContext activationTls() throws IOException, GeneralSecurityException {
        String scheme = activate.getScheme();
        if (!"wss".equalsIgnoreCase(scheme) && !"ws".equalsIgnoreCase(scheme) || activate.getHost() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--activate takes a websocket URL, e.g. wss://192.168.1.10:8443/activate");
        }
        if (profile == null || profile.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--activate needs --profile NAME");
        }
        if (unprovisioned == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--activate needs unprovisioned devices: add --unprovisioned");
        }
        if (activationCa != null && activationPin != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --ca or --fingerprint, not both");
        }
        if (activationPin != null) {
            try {
                return ServerTrust.pinned(activationPin, activate);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fingerprint is a SHA-256: 64 hex digits");
            }
        }
        return activationCa != null ? ServerTrust.caFile(activationCa, activate) : ServerTrust.system();
    }

    private static X509Certificate pemCertificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String firstLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "" : lines.getFirst();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimCommand()).execute(args));
    }
}
