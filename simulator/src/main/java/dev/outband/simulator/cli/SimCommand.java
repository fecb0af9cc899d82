package dev.outband.simulator.cli;

import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.cira.CiraCallHome;
import dev.outband.simulator.cira.MpsCaller;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
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

    @Option(names = "--tls", description = "TLS ports serve a certificate from a fresh lab CA from the start "
            + "(without it they serve one only once TLS is set up over WS-Man, as on AMT).")
    boolean tls;

    @Option(names = "--user", defaultValue = "admin", description = "Digest user (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "P@ssw0rd!", description = "Digest password.")
    String password;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be 1..10000");
        }
        HostAndPort listener = cira == null ? null : listener();
        // One identity for the TLS ports and their twins in the CIRA tunnel: one fingerprint to pin.
        SSLContext deviceTls = tls ? DeviceCertificates.serverContext(DeviceCertificates.loopbackDevice()) : null;
        DeviceFleet fleet = DeviceFleet.start(count, basePort, user, password,
                deviceTls == null ? null : deviceTls.getServerSocketFactory(), Duration.ofSeconds(bootSeconds));
        CiraCallHome callHome = listener == null ? null : CiraCallHome.start(fleet, listener.host(), listener.port(),
                ciraUser, firstLine(ciraPasswordFile).getBytes(StandardCharsets.UTF_8), ciraPin, deviceTls);
        // Devices also call whatever MPS a console configures on them over WS-Man, as AMT would.
        List<MpsCaller> callers = fleet.members().stream().map(m -> MpsCaller.attach(m.device())).toList();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
        }, "sim-shutdown"));
        print(fleet, spec.commandLine().getOut());
        if (listener != null) {
            spec.commandLine().getOut().printf("Each device calls the CIRA listener at %s:%d (WS-Man and KVM through "
                    + "the tunnel).%n", listener.host(), listener.port());
            spec.commandLine().getOut().flush();
        }
        stopped.await();
        return 0;
    }

    private void print(DeviceFleet fleet, PrintWriter out) {
        out.printf("%-10s %-36s %9s %9s %9s %9s %s%n", "NAME", "UUID", "HTTP", "TLS", "KVM", "KVM-TLS", "USER");
        for (DeviceFleet.Member m : fleet.members()) {
            out.printf("%-10s %-36s %9d %9d %9d %9d %s%n", m.device().name(), m.device().uuid(), m.ports().httpPort(),
                    m.ports().tlsPort(), m.ports().kvmPort(), m.ports().kvmTlsPort(), user);
        }
        for (DeviceFleet.Member m : fleet.members()) {
            m.device().consent().onCodeShown(code -> {
                out.printf("%s: user consent code %s is on its screen%n", m.device().name(), code);
                out.flush();
            });
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
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

    private static String firstLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "" : lines.getFirst();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimCommand()).execute(args));
    }
}
