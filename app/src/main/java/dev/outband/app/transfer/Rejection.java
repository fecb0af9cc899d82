package dev.outband.app.transfer;

/**
 * A line of an imported file that was not imported, and why; {@code entry} counts entries of a JSON list from 1
 * (0 for CSV, where the line says it all), since a list written on one line has every entry on line 1.
 */
public record Rejection(int line, int entry, String reason) {
    public Rejection(int line, String reason) {
        this(line, 0, reason);
    }

    @Override
    public String toString() {
        return (entry > 0 ? "entry " + entry + " (line " + line + ")" : "line " + line) + ": " + reason;
    }
}
