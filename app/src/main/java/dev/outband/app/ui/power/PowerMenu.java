package dev.outband.app.ui.power;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.amt.SupportedActions;
import dev.outband.app.store.Device;
import dev.outband.app.ui.bulk.BulkProgress;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.devices.DeviceListViewModel;
import dev.outband.wsman.amt.power.PowerAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar's Power menu: one action on every selected device, each result shown as it arrives.
 * With one device selected it offers only what that device reports as supported (read once per session).
 */
public final class PowerMenu {
    public static final List<PowerAction> PLAIN = List.of(PowerAction.ON, PowerAction.OFF, PowerAction.RESET,
            PowerAction.CYCLE, PowerAction.SOFT_OFF, PowerAction.SOFT_RESET, PowerAction.SLEEP, PowerAction.HIBERNATE);
    public static final List<PowerAction> BOOT = List.of(PowerAction.ON_TO_BIOS, PowerAction.RESET_TO_BIOS,
            PowerAction.PXE_ON, PowerAction.PXE_RESET, PowerAction.DIAGNOSTIC_ON, PowerAction.DIAGNOSTIC_RESET);
    private static final Set<PowerAction> ALL = EnumSet.allOf(PowerAction.class);

    private final DeviceConnections connections;
    private final DeviceListViewModel vm;
    private final Background background;
    private final Supplier<List<Device>> selection;
    private final Runnable afterRun;
    private final SupportedActions supported = new SupportedActions();
    private MenuButton power;
    private Device reading;
    private Failure failure;
    private PowerRun run;

    /** Why the supported actions of one device could not be read, kept while its menu is open. */
    private record Failure(Device device, String reason) {
    }

    /** {@code afterRun} runs on the FX thread once every device of a run has answered. */
    public PowerMenu(DeviceConnections connections, DeviceListViewModel vm, Background background,
                     Supplier<List<Device>> selection, Runnable afterRun) {
        this.connections = connections;
        this.vm = vm;
        this.background = background;
        this.selection = selection;
        this.afterRun = afterRun;
    }

    public MenuButton create(ObservableBooleanValue nothingSelected) {
        power = new MenuButton("Power", new FontIcon(Feather.POWER));
        power.setId("powerMenu");
        power.setTooltip(new Tooltip("Power actions on the selected devices"));
        power.disableProperty().bind(nothingSelected);
        // An empty menu would not open at all; what it lists is decided as it opens.
        power.getItems().setAll(readingItem());
        power.setOnShowing(e -> {
            failure = null;
            fill();
        });
        return power;
    }

    /** The plain power actions for the device list's context menu; they ask and report as the toolbar's do. */
    public Menu submenu(Supplier<Window> owner) {
        Menu menu = new Menu("Power", new FontIcon(Feather.POWER));
        menu.setId("powerSubmenu");
        for (PowerAction action : PLAIN) {
            MenuItem item = new MenuItem(label(action));
            item.setOnAction(e -> perform(action, owner.get()));
            menu.getItems().add(item);
        }
        return menu;
    }

    public static String label(PowerAction action) {
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

    /** Lists what the current selection can do; a device not read yet gets a placeholder while it is asked. */
    private void fill() {
        List<Device> devices = List.copyOf(selection.get());
        if (devices.size() == 1) {
            Device device = devices.getFirst();
            Optional<Set<PowerAction>> known = supported.cached(device);
            if (known.isPresent()) {
                show(known.get(), null);
            } else if (failure != null && failure.device().equals(device)) {
                show(ALL, "Could not read the supported actions (" + failure.reason() + "); all are listed");
            } else {
                power.getItems().setAll(readingItem());
                readSupported(device);
            }
        } else {
            show(union(devices), null);
        }
    }

    /** With several devices: what any of them supports, when all are known; otherwise every action. */
    private Set<PowerAction> union(List<Device> devices) {
        Set<PowerAction> any = EnumSet.noneOf(PowerAction.class);
        for (Device d : devices) {
            Optional<Set<PowerAction>> known = supported.cached(d);
            if (known.isEmpty()) {
                return ALL;
            }
            any.addAll(known.get());
        }
        return any;
    }

    private void readSupported(Device device) {
        if (device.equals(reading)) {
            return;
        }
        reading = device;
        background.submit(() -> supported.of(device, connections.device(device)), actions -> {
            reading = null;
            refill();
        }, error -> {
            reading = null;
            failure = new Failure(device, error.getMessage() != null ? error.getMessage() : error.toString());
            refill();
        });
    }

    /** An answer that arrives while the menu is open updates it in place. */
    private void refill() {
        if (power.isShowing()) {
            fill();
        }
    }

    private void show(Set<PowerAction> actions, String note) {
        List<MenuItem> items = new ArrayList<>();
        if (note != null) {
            MenuItem info = new MenuItem(note, new FontIcon(Feather.ALERT_TRIANGLE));
            info.setId("powerNote");
            info.setDisable(true);
            items.add(info);
            items.add(new SeparatorMenuItem());
        }
        List<PowerAction> plain = PLAIN.stream().filter(actions::contains).toList();
        List<PowerAction> boot = BOOT.stream().filter(actions::contains).toList();
        plain.forEach(a -> items.add(item(a)));
        if (!plain.isEmpty() && !boot.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        boot.forEach(a -> items.add(item(a)));
        if (plain.isEmpty() && boot.isEmpty()) {
            MenuItem none = new MenuItem("This device reports no power actions");
            none.setId("powerNone");
            none.setDisable(true);
            items.add(none);
        }
        power.getItems().setAll(items);
    }

    private static MenuItem readingItem() {
        MenuItem wait = new MenuItem("Reading supported actions…");
        wait.setId("powerReading");
        wait.setDisable(true);
        return wait;
    }

    private MenuItem item(PowerAction action) {
        MenuItem item = new MenuItem(label(action));
        item.setId("power-" + action.name().toLowerCase(Locale.ROOT));
        item.setOnAction(e -> perform(action, item.getParentPopup().getOwnerWindow()));
        return item;
    }

    private void perform(PowerAction action, Window owner) {
        List<Device> devices = List.copyOf(selection.get());
        if (devices.isEmpty()) {
            return;
        }
        if (!PowerConfirm.confirmed(action, devices.stream().map(Device::name).toList(), owner)) {
            return;
        }
        if (run == null) {
            run = new PowerRun(connections, vm.repository(), Clock.systemUTC(), supported);
        }
        PowerRun chosen = run;
        new BulkProgress(owner, label(action), devices.size(), true).start("power-" + action.name(), devices,
                (all, progress) -> chosen.perform(action, all, progress), PowerMenu::row, afterRun);
    }

    /** A power result as the results window shows it. */
    public static BulkProgress.Row row(PowerRun.Result r) {
        return new BulkProgress.Row(r.device(), switch (r.outcome()) {
            case DONE -> BulkProgress.Status.DONE;
            case FAILED -> BulkProgress.Status.FAILED;
            case SKIPPED -> BulkProgress.Status.SKIPPED;
        }, r.message(), r.powerState());
    }
}
