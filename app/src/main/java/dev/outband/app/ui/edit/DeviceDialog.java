package dev.outband.app.ui.edit;

import dev.outband.app.store.DeviceDraft;
import dev.outband.app.ui.FormGrid;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** The Add/Edit device dialog: each field with its error label beneath; OK stays disabled until the form is valid. */
public final class DeviceDialog {
    private DeviceDialog() {
    }

    public static Optional<DeviceDraft> show(Window owner, DeviceFormViewModel vm) {
        Dialog<DeviceDraft> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(vm.editing() ? "Edit device" : "Add device");
        dialog.setHeaderText(vm.editing() ? "Edit " + vm.name().get() : "Add an Intel AMT device");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(320);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        int row = 0;
        TextField name = FormGrid.text("name", vm.name(), "e.g. floor2-pc-17");
        row = addField(grid, row, "Name", name, FormGrid.error("nameError", vm.nameError()));
        if (!vm.tunnelled()) {
            row = addField(grid, row, "Host",
                    FormGrid.text("host", vm.host(), "hostname, IPv4 or IPv6, optionally :port"),
                    FormGrid.error("hostError", vm.hostError()));
            CheckBox tls = new CheckBox("Use TLS (port 16993)");
            tls.setId("tls");
            tls.selectedProperty().bindBidirectional(vm.tls());
            row = addField(grid, row, "", tls, null);
        }
        row = addField(grid, row, "User", FormGrid.text("user", vm.user(), "AMT user, usually admin"),
                FormGrid.error("userError", vm.userError()));
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText(vm.hasPassword() ? "unchanged" : "AMT password");
        password.textProperty().bindBidirectional(vm.password());
        row = addField(grid, row, "Password", password, null);
        addField(grid, row, "Tags", FormGrid.text("tags", vm.tags(), "comma separated, e.g. lab, floor2"), null);

        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("okButton");
        ok.disableProperty().bind(vm.valid().not());
        dialog.setResultConverter(b -> b == ButtonType.OK ? vm.toDraft() : null);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    private static int addField(GridPane grid, int row, String label, Node field, Label error) {
        grid.add(new Label(label), 0, row);
        grid.add(field, 1, row);
        if (error != null) {
            grid.add(error, 1, row + 1);
            return row + 2;
        }
        grid.add(new Label(""), 1, row + 1);
        return row + 2;
    }
}
