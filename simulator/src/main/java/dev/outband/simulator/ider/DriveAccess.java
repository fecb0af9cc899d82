package dev.outband.simulator.ider;

import dev.outband.kvm.ider.Sense;
import java.io.IOException;

/** How the virtual firmware reaches an IDE-R drive: one ATAPI command at a time, answered by the console. */
@FunctionalInterface
public interface DriveAccess {
    /** The data the console sent (possibly none) and how the command ended. */
    record Result(byte[] data, Sense sense) {}

    Result command(int drive, byte[] cdb) throws IOException;
}
