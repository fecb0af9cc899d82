package dev.outband.app.ui.provisioning;

import dev.outband.app.activation.ActivationProgress;

/** One line of the activations table: the latest news of one session. */
record ActivationRow(long session, String started, String device, String uuid, String profile, String step,
                     String result) {
    static ActivationRow of(ActivationProgress p, String started) {
        String result = switch (p.state()) {
            case RUNNING -> "running";
            case DONE -> "done: " + p.message();
            case FAILED -> "failed: " + p.message();
        };
        return new ActivationRow(p.session(), started, p.hostname().isEmpty() ? "-" : p.hostname(),
                p.uuid().isEmpty() ? "-" : p.uuid(), p.profile().isEmpty() ? "-" : p.profile(), p.step(), result);
    }
}
