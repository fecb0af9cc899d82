package dev.outband.app.transfer;

/** A line of an imported file that was not imported, and why. */
public record Rejection(int line, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
