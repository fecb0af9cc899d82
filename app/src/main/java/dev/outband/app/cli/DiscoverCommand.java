package dev.outband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.discovery.DiscoveredDeviceAdder;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Tags;
import dev.outband.wsman.discovery.AddressRange;
import dev.outband.wsman.discovery.DiscoveredDevice;
import dev.outband.wsman.discovery.DiscoveryScan;
import dev.outband.wsman.discovery.DiscoverySettings;
import dev.outband.wsman.discovery.ScanResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outband discover RANGE}: finds Intel AMT devices in an address range, and adds them if asked. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Find Intel AMT devices in an address range: a presence ping on UDP 623 and an "
                + "unauthenticated probe of 16992/16993 (version, TLS certificate, provisioning).")
final class DiscoverCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "RANGE", description = "a.b.c.d/n (at most a /16) or a.b.c.d-e.f.g.h.")
    String range;

    @Option(names = "--rate", paramLabel = "N/s", defaultValue = "200",
            description = "Hosts pinged and probed per second (default ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "Hosts probed at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "The whole probe of one host (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--pong-wait", paramLabel = "SECONDS", defaultValue = "2",
            description = "How long late presence pongs are awaited after the last ping (default ${DEFAULT-VALUE}).")
    double pongWaitSeconds;

    @Option(names = "--json", description = "Machine-readable JSON.")
    boolean json;

    @Option(names = "--add", description = "Add every device found to the store, with --user and the password.")
    boolean add;

    @Option(names = "--user", description = "AMT user for the devices added (usually admin).")
    String user;

    /** The AMT password for the devices added. */
    @ArgGroup(exclusive = true)
    PasswordSource password;

    @Option(names = "--verify-tls", description = "Check added TLS devices against the trusted roots instead of "
            + "pinning the certificate the scan saw.")
    boolean verifyTls;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag for the devices added; repeat for more.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--rmcp-port", defaultValue = "623", hidden = true,
            description = "Presence ping port (simulators).")
    int rmcpPort;

    @Option(names = "--http-port", defaultValue = "16992", hidden = true, description = "AMT HTTP port (simulators).")
    int httpPort;

    @Option(names = "--tls-port", defaultValue = "16993", hidden = true, description = "AMT TLS port (simulators).")
    int tlsPort;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    DiscoverCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        AddressRange addresses;
        DiscoverySettings settings;
        try {
            addresses = AddressRange.parse(range);
            settings = DiscoverySettings.defaults().withPorts(rmcpPort, httpPort, tlsPort).withRate(perSecond())
                    .withConcurrency(concurrency).withHostTimeout(seconds(timeoutSeconds, "--timeout"))
                    .withPongWait(seconds(pongWaitSeconds, "--pong-wait"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (add && user == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--add needs --user (and a password)");
        }
        String secret = add && password != null ? password.read(ctx) : null;
        ScanResult result = new DiscoveryScan(addresses, settings, new DiscoveryScan.Listener() { }).run();
        List<DiscoveredDeviceAdder.Outcome> outcomes = add && !result.devices().isEmpty()
                ? addAll(result.devices(), secret) : List.of();
        PrintWriter out = ctx.out();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(toJson(result, outcomes)));
            ctx.err().println(result.summary());
        } else {
            printTable(out, result, outcomes);
        }
        return outcomes.stream().allMatch(DiscoveredDeviceAdder.Outcome::ok) ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private List<DiscoveredDeviceAdder.Outcome> addAll(List<DiscoveredDevice> found, String secret) throws Exception {
        try (DeviceStore store = ctx.openStore()) {
            return DiscoveredDeviceAdder.add(store.devices(), found, user, secret,
                    verifyTls ? DiscoveredDeviceAdder.TlsTrust.VERIFY : DiscoveredDeviceAdder.TlsTrust.PIN_SEEN,
                    Tags.parse(String.join(",", tags)));
        }
    }

    private int perSecond() {
        String n = rate.endsWith("/s") ? rate.substring(0, rate.length() - 2) : rate;
        try {
            return Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate takes hosts per second, e.g. 200 or 200/s: " + rate);
        }
    }

    private static Duration seconds(double value, String option) {
        if (!(value > 0) || value > 3600) {
            throw new IllegalArgumentException(option + " must be more than 0 and at most 3600 seconds");
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static void printTable(PrintWriter out, ScanResult result, List<DiscoveredDeviceAdder.Outcome> outcomes) {
        if (!result.devices().isEmpty()) {
            String format = "%-15s %-11s %-4s %-14s %-17s %s%n";
            out.printf(format, "ADDRESS", "PORTS", "TLS", "VERSION", "PROVISIONING", "SHA-256");
            for (DiscoveredDevice d : result.devices()) {
                out.printf(format, d.address(),
                        d.ports().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        d.tls() ? "yes" : "no", d.version() == null ? "?" : d.version(),
                        d.provisioning() == null ? "unknown" : d.provisioning().words(),
                        d.sha256() == null ? "" : d.sha256());
            }
        }
        for (DiscoveredDeviceAdder.Outcome o : outcomes) {
            out.println(o.ok() ? "Added " + o.added().name() + (o.added().pinnedSha256() != null ? " (TLS pinned)" : "")
                    : "Not added " + o.found().address() + ": " + o.problem());
        }
        out.println(result.summary());
    }

    private static Map<String, Object> toJson(ScanResult result, List<DiscoveredDeviceAdder.Outcome> outcomes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("range", result.range().toString());
        json.put("addresses", result.range().size());
        json.put("elapsedMillis", result.elapsed().toMillis());
        json.put("cancelled", result.cancelled());
        json.put("devices", result.devices().stream().map(DiscoverCommand::deviceJson).toList());
        if (!outcomes.isEmpty()) {
            json.put("added", outcomes.stream().map(o -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("address", o.found().address());
                a.put("name", o.ok() ? o.added().name() : null);
                a.put("tls", o.ok() ? o.added().tls().name().toLowerCase() : null);
                a.put("problem", o.problem());
                return a;
            }).toList());
        }
        return json;
    }

    private static Map<String, Object> deviceJson(DiscoveredDevice d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", d.address());
        m.put("ports", d.ports());
        m.put("tls", d.tls());
        m.put("version", d.version());
        m.put("provisioning", d.provisioning() == null ? null : d.provisioning().name().toLowerCase());
        m.put("realm", d.realm());
        m.put("sha256", d.sha256());
        m.put("presencePong", d.rmcp());
        return m;
    }
}
