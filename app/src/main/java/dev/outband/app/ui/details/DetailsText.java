package dev.outband.app.ui.details;

import dev.outband.wsman.amt.identity.AmtIdentity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the values a device reports read in the details pane. */
final class DetailsText {
    static final String UNKNOWN = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private DetailsText() {
    }

    static String time(Instant time) {
        return time == null ? UNKNOWN : TIME.format(time);
    }

    static String or(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    /** The parts that are known, separated by spaces. */
    static String words(String... parts) {
        return or(Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" ")));
    }

    static String lines(List<String> values) {
        return values.isEmpty() ? UNKNOWN : String.join("\n", values);
    }

    static String mode(AmtIdentity.ProvisioningMode mode) {
        return switch (mode) {
            case ADMIN_CONTROL -> "Admin control mode (ACM)";
            case CLIENT_CONTROL -> "Client control mode (CCM)";
            case NONE -> "Not activated";
            case UNKNOWN -> "Unknown";
        };
    }

    static String state(AmtIdentity.ProvisioningState state) {
        return switch (state) {
            case PRE_PROVISIONING -> "Not provisioned";
            case IN_PROVISIONING -> "Provisioning in progress";
            case POST_PROVISIONING -> "Provisioned";
            case UNKNOWN -> "Unknown";
        };
    }

    /** IPS_PowerManagementService.OSPowerSavingState. */
    static String osPowerSaving(int state) {
        return switch (state) {
            case 1 -> "Not supported by this device";
            case 2 -> "Full power";
            case 3 -> "Power saving";
            default -> "Not reported";
        };
    }

    static String bytes(long bytes) {
        if (bytes <= 0) {
            return UNKNOWN;
        }
        double gib = bytes / (double) (1L << 30);
        return gib >= 1 ? String.format(Locale.ROOT, "%.0f GiB", gib)
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }

    static String fqdn(String host, String domain) {
        if (host == null || host.isBlank()) {
            return UNKNOWN;
        }
        return domain == null || domain.isBlank() ? host : host + "." + domain;
    }
}
