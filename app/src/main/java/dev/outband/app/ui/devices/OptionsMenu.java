package dev.outband.app.ui.devices;

import dev.outband.app.ui.Background;
import dev.outband.app.ui.Settings;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.stage.Window;

/** The Options menu: console-wide switches that take effect at the next start. */
final class OptionsMenu {
    private OptionsMenu() {
    }

    static Menu create(Settings settings, Background background, Supplier<Window> owner) {
        CheckMenuItem legacy = new CheckMenuItem("Allow legacy TLS (AMT 11 and older)");
        legacy.setId("legacyTls");
        legacy.setSelected(settings.legacyTls());
        legacy.selectedProperty().addListener((o, was, on) -> {
            settings.setLegacyTls(on);
            background.run("Saving settings", settings::save, saved -> explain(owner.get(), on));
        });
        return new Menu("Options", null, legacy);
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
