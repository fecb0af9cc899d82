package dev.outband.app.lab;

/** What a lab job did on one device: on failure {@code message} names the step and the reason. */
public record JobResult(String device, boolean ok, String message) {
}
