package dev.outband.wsman.amt.boot;

import java.util.List;

/** The boot page's facts: what the device can do, its one-time flags now, and the boot sources it offers. */
public record BootOptions(BootCapabilities capabilities, BootSettings settings, List<String> sources) {
    public BootOptions {
        sources = List.copyOf(sources);
    }
}
