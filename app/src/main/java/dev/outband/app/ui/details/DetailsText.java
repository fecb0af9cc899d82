package dev.outband.app.ui.details;

import dev.outband.wsman.amt.hardware.MemoryModule;
import dev.outband.wsman.amt.hardware.NetworkCard;
import dev.outband.wsman.amt.identity.AmtIdentity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the values a device reports read in the details pane. */
public final class DetailsText {
    public static final String UNKNOWN = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private DetailsText() {
    }

    public static String time(Instant time) {
        return time == null ? UNKNOWN : TIME.format(time);
    }

    public static String or(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    /** The parts that are known, separated by spaces. */
    static String words(String... parts) {
        return or(Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" ")));
    }

    public static String lines(List<String> values) {
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

    public static String bytes(long bytes) {
        if (bytes <= 0) {
            return UNKNOWN;
        }
        double gib = bytes / (double) (1L << 30);
        return gib >= 1 ? String.format(Locale.ROOT, "%.0f GiB", gib)
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }

    /** "BANK 0: 8 GiB DDR4 SODIMM, 3200 MHz, 859B SIM8G4SFS832A, serial E0E80001". */
    static String module(MemoryModule m) {
        return m.bank() + ": " + words(bytes(m.capacityBytes()), m.type(), m.formFactor())
                + (m.speedMhz() > 0 ? ", " + m.speedMhz() + " MHz" : "")
                + (m.manufacturer().isBlank() && m.partNumber().isBlank() ? ""
                        : ", " + words(m.manufacturer(), m.partNumber()))
                + (m.serialNumber().isBlank() ? "" : ", serial " + m.serialNumber());
    }

    /** "Wired 00-11-22-33-44-55, link up, 1 Gbit/s". */
    static String card(NetworkCard c) {
        String mac = c.macAddress().isBlank() || c.macAddress().equals("00-00-00-00-00-00") ? "" : " " + c.macAddress();
        String speed = c.speedBitsPerSecond() >= 1_000_000_000L
                ? String.format(Locale.ROOT, ", %.1f Gbit/s", c.speedBitsPerSecond() / 1e9).replace(".0 ", " ")
                : c.speedBitsPerSecond() > 0 ? ", " + c.speedBitsPerSecond() / 1_000_000 + " Mbit/s" : "";
        return c.name() + mac + ", link " + (c.linkUp() ? "up" : "down") + speed;
    }

    static String fqdn(String host, String domain) {
        if (host == null || host.isBlank()) {
            return UNKNOWN;
        }
        return domain == null || domain.isBlank() ? host : host + "." + domain;
    }
}
