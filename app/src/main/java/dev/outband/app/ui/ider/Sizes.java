package dev.outband.app.ui.ider;

import java.util.Locale;

/** Byte counts as a technician reads them: "512 bytes", "8.0 KiB", "650.4 MiB". */
final class Sizes {
    private Sizes() {}

    static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }
}
