package dev.outband.app.ui.details.network;

import java.util.Optional;

/** Dotted-quad IPv4 addresses and masks as the wired-settings form checks them; parsed here, never looked up. */
final class Ipv4 {
    private Ipv4() {
    }

    /** The address as an unsigned 32-bit value, or empty when the text is no dotted quad. */
    static Optional<Long> parse(String text) {
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
            value = value << 8 | Integer.parseInt(part);
        }
        return Optional.of(value);
    }

    /** A network mask: ones, then zeros, at least one of each. */
    static boolean mask(long value) {
        long inverted = ~value & 0xFFFFFFFFL;
        return value != 0 && inverted != 0 && (inverted & (inverted + 1)) == 0;
    }
}
