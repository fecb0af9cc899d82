package dev.outband.app.discovery;

import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DeviceCertificates;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Virtual AMT devices on hosts .20, .21, … of a random 127.X.Y.0/24 (so parallel runs do not meet), each on the
 * same high ports, TLS with one self-signed certificate as AMT's, the last {@code unprovisioned} of them not
 * provisioned. Linux routes all of 127.0.0.0/8 to lo: no set-up, no root.
 */
public record SimulatedLan(String prefix, int httpPort, int rmcpPort, DeviceFleet fleet,
                           DeviceCertificates.Issued identity) implements AutoCloseable {
    public static final int FIRST_HOST = 20;
    private static final int ATTEMPTS = 8;

    public static SimulatedLan start(int count, int unprovisioned) throws IOException, GeneralSecurityException {
        DeviceCertificates.Issued identity = DeviceCertificates.authority("Intel(R) AMT simulated");
        BindException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String prefix = "127." + r.nextInt(100, 250) + "." + r.nextInt(1, 255) + ".";
            int http = r.nextInt(20_000, 50_000) & ~3;
            int rmcp = r.nextInt(50_000, 60_000);
            try {
                DeviceFleet fleet = DeviceFleet.startAt(InetAddress.ofLiteral(prefix + FIRST_HOST), count, http, rmcp,
                        "admin", "P@ssw0rd!", DeviceCertificates.serverSocketFactory(identity), Duration.ofSeconds(1),
                        i -> i >= count - unprovisioned);
                return new SimulatedLan(prefix, http, rmcp, fleet, identity);
            } catch (BindException e) {
                // Another process holds one of these ports on a wildcard address: try other numbers.
                last = e;
            }
        }
        throw last;
    }

    public String cidr() {
        return prefix + "0/24";
    }

    @Override
    public void close() {
        fleet.close();
    }
}
