package dev.outband.app.ui.power;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.ui.devices.DeviceListViewModel;
import dev.outband.wsman.amt.power.PowerAction;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The toolbar's Power menu: one action on every selected device, each result shown as it arrives. */
public final class PowerMenu {
    private static final List<PowerAction> PLAIN = List.of(PowerAction.ON, PowerAction.OFF, PowerAction.RESET,
            PowerAction.CYCLE, PowerAction.SOFT_OFF, PowerAction.SOFT_RESET, PowerAction.SLEEP, PowerAction.HIBERNATE);
    private static final List<PowerAction> BOOT = List.of(PowerAction.ON_TO_BIOS, PowerAction.RESET_TO_BIOS,
            PowerAction.PXE_ON, PowerAction.PXE_RESET);

    private final DeviceConnections connections;
    private final DeviceListViewModel vm;
    private final Supplier<List<Device>> selection;
    private PowerRun run;

    public PowerMenu(DeviceConnections connections, DeviceListViewModel vm, Supplier<List<Device>> selection) {
        this.connections = connections;
        this.vm = vm;
        this.selection = selection;
    }

    public MenuButton create(ObservableBooleanValue nothingSelected) {
        MenuButton power = new MenuButton("Power", new FontIcon(Feather.POWER));
        power.setId("powerMenu");
        power.setTooltip(new Tooltip("Power actions on the selected devices"));
        power.disableProperty().bind(nothingSelected);
        PLAIN.forEach(a -> power.getItems().add(item(a)));
        power.getItems().add(new SeparatorMenuItem());
        BOOT.forEach(a -> power.getItems().add(item(a)));
        return power;
    }

    static String label(PowerAction action) {
        return switch (action) {
            case ON -> "Power on";
            case OFF -> "Power off";
            case RESET -> "Reset";
            case CYCLE -> "Power cycle";
            case SOFT_OFF -> "Shut down (OS)";
            case SOFT_RESET -> "Restart (OS)";
            case SLEEP -> "Sleep";
            case HIBERNATE -> "Hibernate";
            case ON_TO_BIOS -> "Power on to BIOS setup";
            case RESET_TO_BIOS -> "Reset to BIOS setup";
            case PXE_ON -> "Power on to network boot (PXE)";
            case PXE_RESET -> "Reset to network boot (PXE)";
            case DIAGNOSTIC_ON -> "Power on to diagnostics";
            case DIAGNOSTIC_RESET -> "Reset to diagnostics";
        };
    }

    private MenuItem item(PowerAction action) {
        MenuItem item = new MenuItem(label(action));
        item.setId("power-" + action.name().toLowerCase(java.util.Locale.ROOT));
        item.setOnAction(e -> perform(action, item.getParentPopup().getOwnerWindow()));
        return item;
    }

    private void perform(PowerAction action, Window owner) {
        List<Device> devices = List.copyOf(selection.get());
        if (devices.isEmpty()) {
            return;
        }
        // A slip of the mouse should not power off a whole floor.
        if (devices.size() > 1 && !confirmed(action, devices.size(), owner)) {
            return;
        }
        if (run == null) {
            run = new PowerRun(connections, vm.repository(), Clock.systemUTC());
        }
        new PowerProgress(owner, label(action), devices.size()).start(run, action, devices, () -> vm.reload(n -> { }));
    }

    private static boolean confirmed(PowerAction action, int count, Window owner) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, label(action) + " on " + count + " devices?",
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setHeaderText(null);
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
