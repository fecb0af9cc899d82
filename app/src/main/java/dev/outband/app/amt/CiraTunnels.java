package dev.outband.app.amt;

import java.util.Optional;
import javax.net.SocketFactory;

/** The console's lab listener as WS-Man and KVM see it: sockets into devices connected over CIRA. */
public interface CiraTunnels {
    /** Used where no listener runs (the CLI, tests of direct devices). */
    CiraTunnels NONE = new CiraTunnels() {
        @Override
        public boolean running() {
            return false;
        }

        @Override
        public Optional<SocketFactory> to(String uuid) {
            return Optional.empty();
        }
    };

    boolean running();

    /** Sockets that are APF channels to the device's ports; empty when it is not connected now. */
    Optional<SocketFactory> to(String uuid);
}
