package dev.outband.app.transfer;

import java.nio.file.Path;
import java.util.Locale;

/** The device list formats Outband reads and writes. */
public enum TransferFormat {
    CSV, MESHCOMMANDER;

    /** By extension first (.csv, .json), else by content: a JSON object means MeshCommander. */
    public static TransferFormat detect(Path file, String content) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".json")) {
            return MESHCOMMANDER;
        }
        return content.stripLeading().startsWith("{") ? MESHCOMMANDER : CSV;
    }

    public static TransferFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "meshcommander", "json", "mesh" -> MESHCOMMANDER;
            default -> throw new IllegalArgumentException("Unknown format '" + text + "' (use csv or meshcommander)");
        };
    }
}
