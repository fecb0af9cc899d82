package dev.outband.app.ui.details.boot;

import dev.outband.app.ui.FormGrid;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.details.DevicePage;
import dev.outband.app.ui.details.EditDialog;
import dev.outband.app.ui.details.FactGrid;
import dev.outband.app.ui.details.FactGrid.Fact;
import dev.outband.app.ui.details.Load;
import dev.outband.app.ui.details.SectionView;
import dev.outband.wsman.amt.boot.BootCapabilities;
import dev.outband.wsman.amt.boot.BootOptions;
import dev.outband.wsman.amt.boot.BootSettings;
import dev.outband.wsman.amt.boot.BootTarget;
import dev.outband.wsman.amt.boot.NextBoot;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Where the device boots next (BIOS setup, PXE, a drive, remote media), whether it sends that boot to SOL. */
public final class BootPage {
    private final DevicePage<BootOptions> page;
    private final Tab tab;

    public BootPage(DetailsViewModel vm) {
        page = new DevicePage<>(vm, "boot", device -> device.bootOptions());
        FactGrid facts = new FactGrid("bootFacts");
        Button set = new Button("Set next boot…");
        set.setId("setNextBoot");
        Button biosSol = new Button("BIOS setup with SOL");
        biosSol.setId("biosWithSol");
        set.disableProperty().bind(page.ready().not());
        biosSol.disableProperty().bind(page.ready().not());
        set.setOnAction(e -> edit());
        biosSol.setOnAction(e -> apply(new NextBoot(BootTarget.BIOS_SETUP, true, false)));
        tab = page.tab("Boot", Feather.PLAY_CIRCLE, "Used once, at the device's next power-on or reset. The "
                + "Power menu's own boot actions (to BIOS, PXE) set these again, and its plain actions clear them.",
                new SectionView<>("bootSection", "the boot options", page.load(), facts.node(),
                        (BootOptions b) -> facts.show(facts(b))).node(), set, biosSol);
    }

    public Tab tab() {
        return tab;
    }

    static List<Fact> facts(BootOptions b) {
        BootSettings s = b.settings();
        return List.of(
                new Fact("Next boot", s.target().label()),
                new Fact("Boot text to SOL", s.useSol() ? "Yes" : "No"),
                new Fact("Keyboard locked", s.lockKeyboard() ? "Yes" : "No"),
                new Fact("Can boot to", String.join("\n", offered(b.capabilities()).stream()
                        .filter(t -> t != BootTarget.NORMAL).map(BootTarget::label).toList())),
                new Fact("Boot sources", b.sources().isEmpty() ? "None listed" : String.join("\n", b.sources())));
    }

    private static List<BootTarget> offered(BootCapabilities caps) {
        return Arrays.stream(BootTarget.values()).filter(caps::allows).toList();
    }

    private void edit() {
        if (!(page.load().get() instanceof Load.Ready<BootOptions>(BootOptions current))) {
            return;
        }
        BootCapabilities caps = current.capabilities();
        ComboBox<BootTarget> target = new ComboBox<>();
        target.setId("bootTarget");
        target.getItems().setAll(offered(caps));
        target.setValue(current.settings().target());
        CheckBox sol = new CheckBox("Send BIOS and boot text to Serial-over-LAN");
        sol.setId("bootUseSol");
        sol.setSelected(current.settings().useSol());
        sol.setDisable(!caps.sol());
        CheckBox lock = new CheckBox("Lock the device's own keyboard during this boot");
        lock.setId("bootLockKeyboard");
        lock.setSelected(current.settings().lockKeyboard());
        lock.setDisable(!caps.keyboardLock());
        Label ider = new Label("Remote media boots only while this console serves an image over IDE-R.");
        ider.setWrapText(true);
        ider.visibleProperty().bind(Bindings.createBooleanBinding(() -> target.getValue() != null
                && target.getValue().usesIder(), target.valueProperty()));
        ider.managedProperty().bind(ider.visibleProperty());
        FormGrid grid = new FormGrid();
        grid.add("Boot to", target, null);
        VBox form = new VBox(8, grid.node(), ider, sol, lock);
        EditDialog dialog = new EditDialog(page.window(), "bootDialog", "Set next boot", "Set", form);
        dialog.validate(Bindings.createStringBinding(() -> {
            if (target.getValue() == null) {
                return "Choose where the device boots.";
            }
            return null;
        }, target.valueProperty()));
        if (dialog.showAndWait()) {
            apply(new NextBoot(target.getValue(), sol.isSelected(), lock.isSelected()));
        }
    }

    private void apply(NextBoot next) {
        page.change("Set the next boot", device -> {
            device.setNextBoot(next);
            return (next.target() == BootTarget.NORMAL ? "The next boot follows the BIOS boot order"
                    : "The next boot goes to " + next.target().label()) + (next.useSol() ? ", its text to SOL." : ".");
        });
    }
}
