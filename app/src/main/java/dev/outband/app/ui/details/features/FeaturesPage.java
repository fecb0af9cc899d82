package dev.outband.app.ui.details.features;

import dev.outband.app.ui.FormGrid;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.details.DevicePage;
import dev.outband.app.ui.details.EditDialog;
import dev.outband.app.ui.details.FactGrid;
import dev.outband.app.ui.details.FactGrid.Fact;
import dev.outband.app.ui.details.Load;
import dev.outband.app.ui.details.SectionView;
import dev.outband.wsman.amt.features.ConsentPolicy;
import dev.outband.wsman.amt.features.Features;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** KVM, SOL and IDE-R on or off, the redirection listener, and when the device asks its user for consent. */
public final class FeaturesPage {
    private final DevicePage<Features> page;
    private final Tab tab;

    public FeaturesPage(DetailsViewModel vm) {
        page = new DevicePage<>(vm, "features", device -> device.features());
        FactGrid facts = new FactGrid("featureFacts");
        Button change = new Button("Change features…");
        change.setId("changeFeatures");
        change.disableProperty().bind(page.ready().not());
        change.setOnAction(e -> edit());
        tab = page.tab("Features", Feather.SLIDERS, "What the device lets a console redirect, and when its user "
                + "must type the code shown on its screen first.", new SectionView<>("featuresSection", "the features",
                page.load(), facts.node(), (Features f) -> facts.show(facts(f))).node(), change);
    }

    public Tab tab() {
        return tab;
    }

    static List<Fact> facts(Features f) {
        RedirectionStatus r = f.redirection();
        return List.of(
                new Fact("Redirection listener", onOff(r.listenerEnabled())),
                new Fact("KVM (remote desktop)", onOff(r.kvm())),
                new Fact("Serial-over-LAN", onOff(r.sol())),
                new Fact("IDE-R (remote media)", onOff(r.ider())),
                new Fact("User consent", f.consent().map(ConsentPolicy::label).orElse("Unknown")
                        + (f.consentChangeable() ? "" : " (this device does not let it change)")),
                new Fact("VNC port 5900", f.kvm().map(k -> onOff(k.vncPort5900())).orElse("Not reported")),
                new Fact("KVM session timeout", f.kvm().map(k -> k.sessionTimeoutMinutes() + " min").orElse("Not reported")));
    }

    private void edit() {
        if (!(page.load().get() instanceof Load.Ready<Features>(Features current))) {
            return;
        }
        RedirectionStatus r = current.redirection();
        CheckBox listener = check("featureListener", "Redirection listener (KVM, SOL and IDE-R sessions can open)",
                r.listenerEnabled());
        CheckBox kvm = check("featureKvm", "KVM (remote desktop)", r.kvm());
        CheckBox sol = check("featureSol", "Serial-over-LAN", r.sol());
        CheckBox ider = check("featureIder", "IDE-R (remote media)", r.ider());
        ComboBox<ConsentPolicy> consent = new ComboBox<>();
        consent.setId("featureConsent");
        consent.getItems().setAll(ConsentPolicy.values());
        consent.setValue(current.consent().orElse(ConsentPolicy.ALL));
        consent.setDisable(!current.consentChangeable());
        FormGrid grid = new FormGrid();
        grid.add("User consent", consent, null);
        VBox form = new VBox(8, listener, kvm, sol, ider, grid.node());
        if (!current.consentChangeable()) {
            Label kept = new Label("This device's control mode keeps its consent policy (admin control mode lets it "
                    + "change).");
            kept.setWrapText(true);
            form.getChildren().add(kept);
        }
        EditDialog dialog = new EditDialog(page.window(), "featuresDialog", "Change features", "Apply", form);
        dialog.validate(Bindings.createStringBinding(() -> {
            RedirectionStatus wanted = wanted(listener, kvm, sol, ider);
            if (wanted.equals(r) && current.consent().filter(consent.getValue()::equals).isPresent()) {
                return "Nothing changed yet.";
            }
            if (!wanted.listenerEnabled() && (wanted.kvm() || wanted.sol() || wanted.ider())) {
                return "With the listener off no KVM, SOL or IDE-R session can open: turn it on, or turn those off.";
            }
            return null;
        }, listener.selectedProperty(), kvm.selectedProperty(), sol.selectedProperty(), ider.selectedProperty(),
                consent.valueProperty()));
        if (dialog.showAndWait()) {
            RedirectionStatus wanted = wanted(listener, kvm, sol, ider);
            ConsentPolicy policy = consent.getValue();
            page.change("Change the features", device -> {
                device.applyFeatures(wanted, policy);
                return "Features changed: KVM " + onOff(wanted.kvm()) + ", SOL " + onOff(wanted.sol()) + ", IDE-R "
                        + onOff(wanted.ider()) + "; user consent: " + policy.label() + ".";
            });
        }
    }

    private static RedirectionStatus wanted(CheckBox listener, CheckBox kvm, CheckBox sol, CheckBox ider) {
        return new RedirectionStatus(listener.isSelected(), ider.isSelected(), sol.isSelected(), kvm.isSelected());
    }

    private static CheckBox check(String id, String text, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }

    private static String onOff(boolean on) {
        return on ? "On" : "Off";
    }
}
