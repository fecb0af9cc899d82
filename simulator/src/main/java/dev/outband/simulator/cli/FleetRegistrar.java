package dev.outband.simulator.cli;

import dev.outband.simulator.device.DeviceFleet;
import java.io.IOException;
import java.security.cert.X509Certificate;

/**
 * Registers a started fleet where a console finds it ({@code outband sim --add-to-store}): the simulator knows
 * nothing of the console's store, so the console's CLI hands this in.
 */
@FunctionalInterface
public interface FleetRegistrar {
    /**
     * Records every member with its address, ports, {@code user} and {@code password}; {@code tlsCertificate} is
     * what the TLS ports serve (null without --tls). Returns a line saying what was done.
     */
    String register(DeviceFleet fleet, String user, String password, X509Certificate tlsCertificate)
            throws IOException;
}
