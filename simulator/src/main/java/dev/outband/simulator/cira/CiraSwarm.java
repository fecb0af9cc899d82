package dev.outband.simulator.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.ca.Pem;
import dev.outband.simulator.net.ConnectionHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Connects many lightweight simulated CIRA devices to one listener, for the benchmark. Runs in its
 * own JVM so the listener's figures are its own; exits when its standard input closes.
 *
 * <pre>CiraSwarm --host H --port P --devices N --user U --password-file F --trust-cert PEM [--in-flight K]</pre>
 */
public final class CiraSwarm {
    private static final int WSMAN_PORT = 16992;

    private CiraSwarm() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String host = options.getOrDefault("--host", "127.0.0.1");
        int port = Integer.parseInt(options.get("--port"));
        int devices = Integer.parseInt(options.get("--devices"));
        int inFlight = Integer.parseInt(options.getOrDefault("--in-flight", "32"));
        byte[] password = Files.readAllLines(Path.of(options.get("--password-file")), StandardCharsets.UTF_8)
                .getFirst().getBytes(StandardCharsets.UTF_8);
        SSLSocketFactory tls = trusting(Path.of(options.get("--trust-cert")));
        ConnectionHandler sink = (in, out) -> in.transferTo(OutputStream.nullOutputStream());

        List<CiraClient> clients = new ArrayList<>(devices);
        Semaphore handshakes = new Semaphore(inFlight);
        AtomicInteger connected = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < devices; i++) {
            handshakes.acquire();
            CiraClient client = CiraClient.start(CiraClientSettings.of(host, port, new DeviceUuid(UUID.randomUUID()),
                    options.get("--user"), password, Map.of(WSMAN_PORT, sink), tls)
                    .withReconnect(Duration.ofSeconds(1), Duration.ofSeconds(30)).withChannelWindow(4096));
            clients.add(client);
            // Ramp: only a bounded number of TLS handshakes at once, or both CPUs drown in them.
            Thread.ofVirtual().start(() -> {
                try {
                    if (client.awaitForwarding(Duration.ofSeconds(120))) {
                        int now = connected.incrementAndGet();
                        if (now % 1000 == 0) {
                            System.out.printf("swarm: %d connected after %d ms%n", now,
                                    (System.nanoTime() - start) / 1_000_000);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    handshakes.release();
                }
            });
        }
        System.out.printf("swarm: all %d started, %d connected%n", devices, connected.get());
        // The parent keeps standard input open while it wants the swarm alive.
        System.in.transferTo(OutputStream.nullOutputStream());
        for (CiraClient client : clients) {
            client.close();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--port", "--devices", "--user", "--password-file", "--trust-cert")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        return options;
    }

    private static SSLSocketFactory trusting(Path certificate) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("listener", Pem.readCertificates(certificate).getFirst());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
