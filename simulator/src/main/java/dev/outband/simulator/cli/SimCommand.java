package dev.outband.simulator.cli;

import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DeviceCertificates;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @Option(names = "--tls", description = "Also open a TLS port per device (certificate from a fresh lab CA).")
    boolean tls;

    @Option(names = "--user", defaultValue = "admin", description = "Digest user (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "P@ssw0rd!", description = "Digest password.")
    String password;

    @Option(names = "--boot-seconds", defaultValue = "5", description = "How long a boot takes.")
    int bootSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be 1..10000");
        }
        SSLServerSocketFactory factory = tls
                ? DeviceCertificates.serverSocketFactory(DeviceCertificates.loopbackDevice()) : null;
        DeviceFleet fleet = DeviceFleet.start(count, basePort, user, password, factory,
                Duration.ofSeconds(bootSeconds));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "sim-shutdown"));
        print(fleet, spec.commandLine().getOut());
        stopped.await();
        return 0;
    }

    private void print(DeviceFleet fleet, PrintWriter out) {
        out.printf("%-10s %-36s %9s %9s %9s %9s %s%n", "NAME", "UUID", "HTTP", "TLS", "KVM", "KVM-TLS", "USER");
        for (DeviceFleet.Member m : fleet.members()) {
            out.printf("%-10s %-36s %9d %9s %9d %9s %s%n", m.device().name(), m.device().uuid(), m.ports().httpPort(),
                    portOrDash(m.ports().tlsPort()), m.ports().kvmPort(), portOrDash(m.ports().kvmTlsPort()), user);
        }
        for (DeviceFleet.Member m : fleet.members()) {
            m.device().onConsentCodeShown(code -> {
                out.printf("%s: user consent code %s is on its screen%n", m.device().name(), code);
                out.flush();
            });
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static String portOrDash(int port) {
        return port < 0 ? "-" : String.valueOf(port);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimCommand()).execute(args));
    }
}
