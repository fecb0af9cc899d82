package dev.outband.app.ui.kvm;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.KvmConsent;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.trust.CertificateTrust;
import dev.outband.kvm.fx.KvmWindow;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.ui.power.PowerConfirm;
import dev.outband.app.ui.power.PowerMenu;
import dev.outband.kvm.fx.KvmAction;
import dev.outband.wsman.amt.power.PowerAction;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Opens the KVM viewer on a device: user consent first when the device asks for it, then the session,
 * all connecting off the FX thread.
 */
public final class DeviceKvm {
    /** The device as it will be reached (perhaps just pinned) and its consent request, if one is open. */
    private record Prepared(Device device, KvmConsent consent) {
    }

    private record Opened(Device device, RfbSession session) {
    }

    private final Background background;
    private final DeviceConnections connections;
    private final CertificateTrust trust;
    private final Supplier<Window> owner;
    private final Supplier<PowerRun> power;

    /** {@code power} runs the power actions offered in the KVM window (asked for once, when first used). */
    public DeviceKvm(Background background, DeviceConnections connections, CertificateTrust trust,
                     Supplier<Window> owner, Supplier<PowerRun> power) {
        this.background = background;
        this.connections = connections;
        this.trust = trust;
        this.owner = owner;
        this.power = power;
    }

    public void open(Device device) {
        trust.run("Opening the remote screen of " + device.name(), device, this::prepare, prepared -> {
            if (prepared.consent() == null) {
                connect(prepared.device());
            } else {
                askCode(prepared, null);
            }
        });
    }

    private Prepared prepare(Device device) throws Exception {
        KvmConsent consent = new KvmConsent(connections.device(device));
        return new Prepared(device, consent.begin() ? consent : null);
    }

    private void askCode(Prepared prepared, String problem) {
        Device device = prepared.device();
        var typed = ConsentDialog.ask(owner.get(), device.name(), problem);
        if (typed.isEmpty()) {
            background.run("Cancelling user consent on " + device.name(), () -> {
                prepared.consent().cancel();
                return device;
            }, d -> { });
            return;
        }
        background.run("Sending the consent code to " + device.name(), () -> prepared.consent().send(typed.get()),
                outcome -> {
                    switch (outcome) {
                        case ACCEPTED -> connect(device);
                        case WRONG_CODE -> askCode(prepared,
                                "The device refused that code. Check the 6 digits on its screen and try again.");
                        case RESTARTED -> askCode(prepared,
                                "The device dropped the request after wrong codes and now shows a new code.");
                    }
                });
    }

    private void connect(Device device) {
        trust.run("Opening the remote screen of " + device.name(), device, d -> {
            RfbSession session = connections.device(d).kvm();
            session.start();
            return new Opened(d, session);
        }, opened -> {
            KvmWindow window = new KvmWindow(opened.session(), opened.device().name() + " — Outband KVM",
                    () -> reconnect(opened.device()));
            window.setActions("Power", powerActions(opened.device(), window));
            window.show();
        });
    }

    /** The power actions, for the technician who watches a BIOS screen and needs a reset there. */
    private List<KvmAction> powerActions(Device device, KvmWindow window) {
        return Stream.concat(PowerMenu.PLAIN.stream(), PowerMenu.BOOT.stream())
                .map(action -> new KvmAction(PowerMenu.label(action), () -> runPower(action, device, window)))
                .toList();
    }

    private void runPower(PowerAction action, Device device, KvmWindow window) {
        if (!PowerConfirm.confirmed(action, List.of(device.name()), window.stage())) {
            return;
        }
        window.say(PowerMenu.label(action) + "…");
        PowerRun run = power.get();
        Thread.ofVirtual().name("kvm-power-" + action.name()).start(() -> {
            String said;
            try {
                PowerRun.Result r = run.perform(action, List.of(device), x -> { }).getFirst();
                said = PowerMenu.label(action) + ": " + r.outcome().name().toLowerCase(Locale.ROOT)
                        + (r.outcome() == PowerRun.Outcome.DONE ? "" : " — " + r.message())
                        + (r.powerState() == null ? "" : " (now " + r.powerState() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                said = PowerMenu.label(action) + ": interrupted";
            }
            String text = said;
            Platform.runLater(() -> window.say(text));
        });
    }

    /** Consent lasts one session: when the device wants it again, the technician starts over with KVM. */
    private RfbSession reconnect(Device device) throws Exception {
        if (new KvmConsent(connections.device(device)).needed()) {
            throw new IOException(device.name() + " asks for user consent again; close this window and press KVM");
        }
        return connections.device(device).kvm();
    }
}
