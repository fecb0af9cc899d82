package dev.outband.simulator.ider;

import dev.outband.kvm.ider.IderSettings;
import dev.outband.simulator.net.ConnectionHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A virtual device's IDE-R: serves the sessions consoles open (one at a time), and when the device powers on to
 * boot from IDE-R, runs the virtual firmware against the open session and keeps what it read for the screen.
 */
public final class IderPort {
    private static final Logger log = LoggerFactory.getLogger(IderPort.class);
    /** How long the firmware waits for the console to answer one command. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** How often the device sends a heartbeat at least. */
    private static final Duration MIN_HEARTBEAT = Duration.ofSeconds(1);
    private static final String BOOTING = "Booting from IDE-R...";

    private final String name;
    private IderDeviceSession session;
    private BootReadout readout = BootReadout.NONE;
    private Thread booting;

    public IderPort(String name) {
        this.name = name;
    }

    /** The handler for a redirection connection that authenticated for session type IDER. */
    public ConnectionHandler handler() {
        return (in, out) -> {
            IderDeviceSession s = new IderDeviceSession(in, out, IderSettings.defaults(), COMMAND_TIMEOUT);
            if (!s.open()) {
                return;
            }
            synchronized (this) {
                session = s;
            }
            try {
                s.serve(heartbeat());
            } finally {
                synchronized (this) {
                    if (session == s) {
                        session = null;
                    }
                }
            }
        };
    }

    private static Duration heartbeat() {
        Duration asked = Duration.ofMillis(IderSettings.defaults().heartbeatMillis());
        return asked.compareTo(MIN_HEARTBEAT) < 0 ? MIN_HEARTBEAT : asked;
    }

    /** Whether a console has the drives attached now. */
    public synchronized boolean attached() {
        return session != null;
    }

    /** What the firmware read at the last IDE-R boot. */
    public synchronized BootReadout readout() {
        return readout;
    }

    /** The lines the firmware printed, for the boot screen. */
    public synchronized List<String> screenLines() {
        return readout.lines();
    }

    /** The device powered on to boot from IDE-R: the firmware starts reading (on its own thread). */
    public void boot() {
        synchronized (this) {
            readout = new BootReadout(List.of(BOOTING), Map.of(), false);
            booting = Thread.ofVirtual().name(name + "-ider-boot").start(this::readBootMedia);
        }
    }

    private void readBootMedia() {
        IderDeviceSession s;
        synchronized (this) {
            s = session;
        }
        List<String> lines = new ArrayList<>(List.of(BOOTING));
        if (s == null) {
            lines.add("No IDE-R session is open: no boot media. Boot failed.");
            publish(lines, Map.of(), true);
            return;
        }
        VirtualBios bios = new VirtualBios(s, line -> {
            lines.add(line);
            publish(lines, Map.of(), false);
        });
        try {
            publish(lines, bios.boot(), true);
        } catch (IOException e) {
            log.debug("{}: IDE-R boot stopped: {}", name, e.getMessage());
            lines.add("IDE-R read error: " + e.getMessage());
            publish(lines, Map.of(), true);
        }
    }

    /** Only the latest boot writes: a reset in the middle starts over. */
    private synchronized void publish(List<String> lines, Map<Long, byte[]> sectors, boolean finished) {
        if (Thread.currentThread() == booting) {
            readout = new BootReadout(lines, sectors, finished);
        }
    }
}
