package dev.outband.app.ui.power;

import dev.outband.wsman.amt.power.PowerAction;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before a power action: always for one that stops or restarts what runs on a device, and for any action on
 * several devices. The dialog names the devices and has Cancel as its default, so Enter does not confirm.
 */
public final class PowerConfirm {
    /** Actions that start a device that is off: harmless on one device. */
    private static final Set<PowerAction> STARTS = Set.of(PowerAction.ON, PowerAction.ON_TO_BIOS, PowerAction.PXE_ON,
            PowerAction.DIAGNOSTIC_ON);
    /** How many names the question lists before "and N more". */
    static final int NAMES_SHOWN = 5;

    private PowerConfirm() {
    }

    public static boolean needed(PowerAction action, int devices) {
        return devices > 1 || !STARTS.contains(action);
    }

    /** "a, b and c" or "a, b, c, d, e and 7 more". */
    static String names(List<String> names) {
        if (names.size() == 1) {
            return names.getFirst();
        }
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

    /** True when the technician confirmed; asks only when {@link #needed}. Runs on the FX thread. */
    public static boolean confirmed(PowerAction action, List<String> names, Window owner) {
        if (!needed(action, names.size())) {
            return true;
        }
        String what = PowerMenu.label(action);
        ButtonType go = new ButtonType(what, ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, null, go, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle(what);
        ask.setHeaderText(what + (names.size() == 1 ? "?" : " on " + names.size() + " devices?"));
        ask.setContentText(names(names));
        ask.getDialogPane().setId("powerConfirm");
        Button goButton = (Button) ask.getDialogPane().lookupButton(go);
        Button cancel = (Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL);
        // a stray Enter must not power off a device someone is working on
        goButton.setDefaultButton(false);
        cancel.setDefaultButton(true);
        ask.setOnShown(e -> cancel.requestFocus());
        return ask.showAndWait().filter(go::equals).isPresent();
    }
}
