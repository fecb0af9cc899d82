package dev.outband.app.amt;

import java.util.Optional;
import javax.net.SocketFactory;

/** The console's lab listener as WS-Man and KVM see it: sockets into devices connected over CIRA. */
public interface CiraTunnels {
    /** Used where no listener runs (a command that found no console or {@code cira serve} to ask, tests of direct devices). */
    CiraTunnels NONE = new CiraTunnels() {
        @Override
        public boolean running() {
            return false;
        }

        @Override
        public String howToStart() {
            return "no Outband process carries its tunnel: start `outband cira serve` (or the console, and its"
                    + " Lab listener), let the device call in, and run the command again";
        }

        @Override
        public Optional<SocketFactory> to(String uuid) {
            return Optional.empty();
        }
    };

    boolean running();

    /** What the technician starts so that devices can call in, as the end of a sentence. */
    default String howToStart() {
        return "the lab listener is not running: start it from Lab listener";
    }

    /** Sockets that are APF channels to the device's ports; empty when it is not connected now. */
    Optional<SocketFactory> to(String uuid);
}
