package dev.outband.app.ui.devices;

import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.MasterPasswordDialog;
import dev.outband.app.ui.Settings;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;

/** The Options menu: console-wide switches that take effect at the next start, and the master password. */
final class OptionsMenu {
    private OptionsMenu() {
    }

    private static final List<Duration> POLL_PERIODS =
            List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

    static Menu create(Settings settings, Background background, Supplier<Window> owner, Supplier<DeviceStore> store,
                       Runnable pollNow) {
        CheckMenuItem legacy = new CheckMenuItem("Allow legacy TLS (AMT 11 and older)");
        legacy.setId("legacyTls");
        legacy.setSelected(settings.legacyTls());
        legacy.selectedProperty().addListener((o, was, on) -> {
            settings.setLegacyTls(on);
            background.run("Saving settings", settings::save, saved -> explain(owner.get(), on));
        });
        MenuItem master = new MenuItem("Master password…");
        master.setId("masterPasswordMenu");
        master.setOnAction(e -> changeMasterPassword(background, owner.get(), store.get()));
        return new Menu("Options", null, legacy, pollPeriod(settings, background, pollNow), master);
    }

    /** How often the fleet is polled; a new period starts with a poll at once. */
    private static Menu pollPeriod(Settings settings, Background background, Runnable pollNow) {
        Menu menu = new Menu("Poll devices every");
        menu.setId("pollPeriod");
        ToggleGroup group = new ToggleGroup();
        for (Duration period : POLL_PERIODS) {
            RadioMenuItem item = new RadioMenuItem(period.toMinutes() == 0 ? period.toSeconds() + " seconds"
                    : period.toMinutes() + (period.toMinutes() == 1 ? " minute" : " minutes"));
            item.setToggleGroup(group);
            item.setSelected(period.equals(settings.fleet().period()));
            item.setOnAction(e -> {
                settings.setFleetPeriod(period);
                background.run("Saving settings", settings::save, saved -> pollNow.run());
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private static void changeMasterPassword(Background background, Window owner, DeviceStore store) {
        if (store == null) {
            return;
        }
        MasterPasswordDialog.ask(owner, store.isProtected()).ifPresent(change ->
                background.run("Changing the master password", () -> {
                    try {
                        store.changeMasterPassword(change.current(), change.next());
                        return change.next() != null;
                    } finally {
                        MasterPasswordDialog.clear(change);
                    }
                }, set -> {
                    Alert done = new Alert(Alert.AlertType.INFORMATION, set
                            ? "Outband asks for the master password at every start from now on."
                            : "The store's key is kept in an owner-only file in the data folder again.");
                    done.initOwner(owner);
                    done.setHeaderText(set ? "Master password set" : "Master password removed");
                    done.show();
                }));
    }

    private static void explain(Window owner, boolean on) {
        Alert info = new Alert(Alert.AlertType.INFORMATION, on
                ? "From the next start, TLS connections also offer TLS 1.0/1.1 with RSA key exchange, which AMT 11 "
                        + "and older need. Newer devices still negotiate TLS 1.2 or 1.3."
                : "From the next start, TLS connections offer only TLS 1.2 and 1.3.");
        info.initOwner(owner);
        info.setHeaderText(on ? "Legacy TLS allowed" : "Legacy TLS off");
        info.show();
    }
}
