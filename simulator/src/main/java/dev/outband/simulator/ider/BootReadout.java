package dev.outband.simulator.ider;

import java.util.List;
import java.util.Map;

/**
 * What the virtual firmware read through IDE-R at its last boot: the lines it printed on the screen, and the
 * sectors it read by drive block address, exactly as they arrived; {@code finished} once the firmware is done
 * (booted or given up).
 */
public record BootReadout(List<String> lines, Map<Long, byte[]> sectors, boolean finished) {
    public static final BootReadout NONE = new BootReadout(List.of(), Map.of(), false);

    public BootReadout {
        lines = List.copyOf(lines);
        sectors = Map.copyOf(sectors);
    }
}
