package dev.outband.app.ui.kvm;

import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.ui.power.PowerConfirm;
import dev.outband.app.ui.power.PowerMenu;
import dev.outband.kvm.fx.KvmAction;
import dev.outband.wsman.amt.power.PowerAction;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The power actions a remote-screen or serial-console window offers, for the technician who watches a BIOS
 * screen and needs a reset there: asked first as in the console, run off the FX thread, the outcome said in the
 * window's status line.
 */
public final class WindowPowerActions {
    private final Supplier<PowerRun> power;
    private final boolean serialConsole;

    /**
     * {@code power} is asked for once an action runs; {@code serialConsole}: the window is a serial console, so the
     * firmware is asked to send its screens there too (UseSOL).
     */
    public WindowPowerActions(Supplier<PowerRun> power, boolean serialConsole) {
        this.power = power;
        this.serialConsole = serialConsole;
    }

    public List<KvmAction> of(Device device, Stage window, Consumer<String> say) {
        return Stream.concat(PowerMenu.PLAIN.stream(), PowerMenu.BOOT.stream())
                .map(action -> new KvmAction(PowerMenu.label(action), () -> run(action, device, window, say)))
                .toList();
    }

    private void run(PowerAction action, Device device, Stage window, Consumer<String> say) {
        if (!PowerConfirm.confirmed(action, List.of(device.name()), window)) {
            return;
        }
        say.accept(PowerMenu.label(action) + "…");
        PowerRun run = power.get();
        Thread.ofVirtual().name("window-power-" + action.name()).start(() -> {
            String said;
            try {
                PowerRun.Result r = run.perform(action, serialConsole, List.of(device), x -> { }).getFirst();
                said = PowerMenu.label(action) + ": " + r.outcome().name().toLowerCase(Locale.ROOT)
                        + (r.outcome() == PowerRun.Outcome.DONE ? "" : " — " + r.message())
                        + (r.powerState() == null ? "" : " (now " + r.powerState() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                said = PowerMenu.label(action) + ": interrupted";
            }
            String text = said;
            Platform.runLater(() -> say.accept(text));
        });
    }
}
