package dev.outband.app.ui.kvm;

import dev.outband.app.amt.KvmConsent;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The technician's half of user consent before a redirection session (KVM, SOL): the code the device shows is
 * asked for until the device takes it, the request is cancelled on the device when the technician gives up,
 * and {@code granted} runs once it is accepted. Called on the FX thread; the device is asked off it.
 */
final class ConsentFlow {
    private final Background background;
    private final Supplier<Window> owner;
    private final String feature;

    /** {@code feature} names the session in the dialog ("the remote screen", "the serial console"). */
    ConsentFlow(Background background, Supplier<Window> owner, String feature) {
        this.background = background;
        this.owner = owner;
        this.feature = feature;
    }

    /** {@code consent} has begun: the device shows a code now. */
    void ask(Device device, KvmConsent consent, Runnable granted) {
        ask(device, consent, granted, null);
    }

    private void ask(Device device, KvmConsent consent, Runnable granted, String problem) {
        var typed = ConsentDialog.ask(owner.get(), device.name(), feature, problem);
        if (typed.isEmpty()) {
            background.run("Cancelling user consent on " + device.name(), () -> {
                consent.cancel();
                return device;
            }, d -> { });
            return;
        }
        background.run("Sending the consent code to " + device.name(), () -> consent.send(typed.get()),
                outcome -> {
                    switch (outcome) {
                        case ACCEPTED -> granted.run();
                        case WRONG_CODE -> ask(device, consent, granted,
                                "The device refused that code. Check the 6 digits on its screen and try again.");
                        case RESTARTED -> ask(device, consent, granted,
                                "The device dropped the request after wrong codes and now shows a new code.");
                    }
                });
    }
}
