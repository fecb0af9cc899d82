package dev.outband.app.transfer;

import java.util.Locale;

/** The many ways device lists spell "TLS on". */
final class Flags {
    private Flags() {
    }

    /** True/false, or null when the text is no recognisable flag; empty means off. */
    static Boolean tls(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "", "0", "false", "no", "off", "none" -> false;
            case "1", "true", "yes", "on", "tls" -> true;
            default -> null;
        };
    }
}
