package dev.outband.app.ui.devices;

import dev.outband.app.remote.RemoteId;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.TlsMode;
import java.time.ZoneId;
import java.util.Optional;
import java.time.format.DateTimeFormatter;

/** How device fields read in the table. */
public final class DeviceText {
    static final String UNKNOWN = "—";
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private DeviceText() {
    }

    public static String reach(Device d) {
        return switch (d.reach().kind()) {
            case DIRECT -> switch (d.tls()) {
                case NONE -> "Direct";
                case VERIFY -> "Direct · TLS";
                case PINNED -> "Direct · TLS pinned";
            };
            case CIRA -> "CIRA";
            case MPS -> "MPS";
        };
    }

    /**
     * As {@link #reach(Device)}, saying whether a CIRA device is connected to the lab listener now, or a remote
     * source's device to its source (named, so the table says where each device comes from).
     */
    public static String reach(Device d, boolean connected) {
        return switch (d.reach().kind()) {
            case DIRECT -> reach(d);
            case CIRA -> connected ? "CIRA · connected" : "CIRA · offline";
            case MPS -> "MPS " + RemoteId.of(d.reach()).source() + (connected ? " · connected" : " · offline");
        };
    }

    /** A row's online indicator: what the last poll (or a remote source) said. */
    public static String status(Optional<Boolean> online) {
        return online.map(on -> on ? "● Online" : "○ Offline").orElse(UNKNOWN);
    }

    public static String tags(Device d) {
        return String.join(", ", d.tags());
    }

    public static String power(DeviceState s) {
        return orUnknown(s.powerState());
    }

    public static String amtVersion(DeviceState s) {
        return orUnknown(s.amtVersion());
    }

    public static String lastSeen(DeviceState s) {
        return s.lastSeen() == null ? "never" : SEEN.format(s.lastSeen());
    }

    static boolean usesTls(Device d) {
        return d.tls() != TlsMode.NONE;
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }
}
