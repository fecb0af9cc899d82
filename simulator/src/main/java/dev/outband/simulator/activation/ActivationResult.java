package dev.outband.simulator.activation;

/**
 * How one device's activation or deactivation ended: the server's success or error (with its status when it sent
 * one as JSON), or a failure on this side (connection, deadline, a malformed message) with what went wrong.
 */
public record ActivationResult(String device, Outcome outcome, String message, StatusMessage status) {
    public enum Outcome { SUCCESS, SERVER_ERROR, FAILED }

    public static ActivationResult failed(String device, String why) {
        return new ActivationResult(device, Outcome.FAILED, why, null);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    /** One line for the CLI: the device, the outcome and the server's own words. */
    public String line() {
        StringBuilder text = new StringBuilder(device).append(": ").append(switch (outcome) {
            case SUCCESS -> "success";
            case SERVER_ERROR -> "server error";
            case FAILED -> "failed";
        }).append(" - ").append(status != null && status.status() != null ? status.status() : message);
        if (status != null) {
            append(text, "network", status.network());
            append(text, "CIRA", status.ciraConnection());
            append(text, "TLS", status.tlsConfiguration());
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null && !value.isEmpty()) {
            text.append("; ").append(label).append(": ").append(value);
        }
    }
}
