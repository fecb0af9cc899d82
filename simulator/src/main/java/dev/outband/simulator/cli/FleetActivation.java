package dev.outband.simulator.cli;

import dev.outband.simulator.activation.ActivationClient;
import dev.outband.simulator.activation.ActivationResult;
import dev.outband.simulator.activation.ActivationSettings;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.device.Provisioning;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;

/** Activates every unprovisioned device of a fleet through one server at once, a line per device as each ends. */
final class FleetActivation {
    private FleetActivation() {
    }

    /** The number of devices activated. */
    static int run(DeviceFleet fleet, URI server, String profile, String apiKey, SSLContext tls, PrintWriter out)
            throws InterruptedException {
        List<DeviceFleet.Member> waiting = fleet.members().stream()
                .filter(m -> m.device().provisioning().controlMode() == Provisioning.NOT_PROVISIONED).toList();
        out.printf("Activating %d device(s) through %s with profile %s…%n", waiting.size(), server, profile);
        out.flush();
        int activated = 0;
        try (ActivationClient client = new ActivationClient(ActivationSettings.defaults(), tls, apiKey, null);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ActivationResult>> runs = new ArrayList<>();
            for (DeviceFleet.Member m : waiting) {
                InetSocketAddress wsman = new InetSocketAddress(m.ports().address(), m.ports().httpPort());
                runs.add(pool.submit(() -> {
                    ActivationResult result = client.run(m.device(), wsman, server,
                            ActivationClient.Command.activate(profile));
                    synchronized (out) {
                        out.println(result.line());
                        out.flush();
                    }
                    return result;
                }));
            }
            for (Future<ActivationResult> run : runs) {
                try {
                    activated += run.get().succeeded() ? 1 : 0;
                } catch (ExecutionException e) {
                    out.println("an activation stopped unexpectedly: " + e.getCause());
                }
            }
        }
        out.printf("%d of %d device(s) activated.%n", activated, waiting.size());
        out.flush();
        return activated;
    }
}
