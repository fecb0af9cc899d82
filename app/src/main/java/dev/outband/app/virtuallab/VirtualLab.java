package dev.outband.app.virtuallab;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.simulator.cira.MpsCaller;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.amt.DeviceEndpoint;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The console's virtual lab: simulated AMT devices in this process, each on a loopback address of its own with AMT's
 * ports (16992–16995), registered in the store and running until the console closes, as
 * {@code outband sim --address A --add-to-store} runs them. One lab at a time: starting another replaces it.
 * Thread-safe; {@link #start} binds sockets and writes the store, so it runs off the FX thread.
 */
public final class VirtualLab implements AutoCloseable {
    /** Where a lab starts unless told otherwise, as in the README's {@code outband sim} example. */
    public static final String DEFAULT_FIRST_ADDRESS = "127.0.0.20";
    public static final int MAX_DEVICES = 50;
    /** The devices' admin account; its password is made for each lab and kept only sealed in the store. */
    static final String USER = "admin";
    /** How long a simulated boot takes, as {@code outband sim}'s default. */
    static final Duration BOOT = Duration.ofSeconds(5);

    private record Running(DeviceFleet fleet, List<MpsCaller> callers) {
    }

    private Running running;

    /** Starts {@code count} devices on {@code first} and the addresses after it and stores them; returns them as saved. */
    public synchronized List<Device> start(DeviceRepository devices, String first, int count) throws IOException {
        if (count < 1 || count > MAX_DEVICES) {
            throw new IOException("A virtual lab has 1 to " + MAX_DEVICES + " devices");
        }
        InetAddress address = firstAddress(first, count);
        close();
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        // AMT's own rules for an admin password: upper, lower, digit and a symbol.
        String password = "Lab-" + HexFormat.of().formatHex(secret) + "X!";
        DeviceFleet fleet;
        try {
            fleet = DeviceFleet.startAt(address, count, DeviceEndpoint.HTTP_PORT, 0, USER, password, null, BOOT,
                    i -> false);
        } catch (BindException e) {
            throw new IOException("AMT's ports on " + first + " or the addresses after it are in use (another virtual"
                    + " lab, or outband sim?): choose another first address", e);
        }
        // Devices also call whatever MPS the console configures on them, as AMT would.
        running = new Running(fleet, fleet.members().stream().map(m -> MpsCaller.attach(m.device())).toList());
        return VirtualLabDevices.register(devices, fleet, USER, password, null);
    }

    /** The running lab's devices' addresses, first to last; empty when none runs. */
    public synchronized List<String> addresses() {
        return running == null ? List.of()
                : running.fleet().members().stream().map(m -> m.ports().address().getHostAddress()).toList();
    }

    private static InetAddress firstAddress(String text, int count) throws IOException {
        try {
            InetAddress first = InetAddress.ofLiteral(text.strip());
            DeviceFleet.offset(first, count - 1);
            return first;
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new IOException("The first address is a loopback IPv4 address (127.x.y.z) with room for " + count
                    + " devices after it", e);
        }
    }

    /** Stops the devices; their entries stay in the store, unreachable until a lab runs again. */
    @Override
    public synchronized void close() {
        Running r = running;
        running = null;
        if (r != null) {
            r.callers().forEach(MpsCaller::close);
            r.fleet().close();
        }
    }
}
