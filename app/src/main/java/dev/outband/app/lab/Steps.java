package dev.outband.app.lab;

import dev.outband.app.store.Device;

/** The step a lab job is at, so that a failure says where it stopped. */
final class Steps {
    private String current = "start";

    void now(String step) {
        current = step;
    }

    JobResult done(Device device, String message) {
        return new JobResult(device.name(), true, message);
    }

    JobResult failed(Device device, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new JobResult(device.name(), false, current + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}
