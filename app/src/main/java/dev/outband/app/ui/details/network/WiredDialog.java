package dev.outband.app.ui.details.network;

import dev.outband.app.ui.FormGrid;
import dev.outband.app.ui.details.EditDialog;
import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.amt.network.WiredSettings;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Edits the wired port's addressing: DHCP, the host's static address, or one of AMT's own. Esc cancels. */
final class WiredDialog {
    private WiredDialog() {
    }

    static Optional<WiredSettings> show(Window owner, EthernetPort current) {
        WiredForm form = new WiredForm(current);

        ToggleGroup modes = new ToggleGroup();
        RadioButton dhcp = mode(modes, "modeDhcp", "DHCP (AMT takes its own lease)", WiredSettings.Mode.DHCP);
        RadioButton sync = mode(modes, "modeSync", "Static, the same address as the host OS",
                WiredSettings.Mode.HOST_SYNC);
        RadioButton fixed = mode(modes, "modeStatic", "Static, AMT's own address:", WiredSettings.Mode.STATIC);
        modes.selectToggle(List.of(dhcp, sync, fixed).get(form.mode().get().ordinal()));
        modes.selectedToggleProperty().subscribe(t -> form.mode().set((WiredSettings.Mode) t.getUserData()));

        FormGrid grid = new FormGrid();
        List<TextField> fields = List.of(
                grid.add("IP address", FormGrid.text("ipAddress", form.address(), "e.g. 192.168.1.20"),
                        form.addressError()),
                grid.add("Subnet mask", FormGrid.text("subnetMask", form.mask(), "e.g. 255.255.255.0"),
                        form.maskError()),
                grid.add("Gateway", FormGrid.text("gateway", form.gateway(), "e.g. 192.168.1.1"),
                        form.gatewayError()),
                grid.add("DNS server", FormGrid.text("primaryDns", form.primaryDns(), "e.g. 192.168.1.1"),
                        form.primaryDnsError()),
                grid.add("Second DNS", FormGrid.text("secondaryDns", form.secondaryDns(), "optional"),
                        form.secondaryDnsError()));
        fields.forEach(f -> f.disableProperty().bind(fixed.selectedProperty().not()));

        EditDialog dialog = new EditDialog(owner, "wiredDialog", "Wired network settings", "Apply",
                new VBox(8, dhcp, sync, fixed, grid.node()));
        dialog.header("How AMT gets its address on the wired port. A wrong address cuts the device off the network "
                + "until it is fixed locally.");
        dialog.allowWhen(form.valid());
        return dialog.showAndWait() ? Optional.of(form.settings()) : Optional.empty();
    }

    private static RadioButton mode(ToggleGroup group, String id, String text, WiredSettings.Mode mode) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setUserData(mode);
        return button;
    }
}
