package dev.outband.app.ui.details.users;

import dev.outband.app.ui.FormGrid;
import dev.outband.app.ui.details.EditDialog;
import dev.outband.wsman.amt.users.AccessPermission;
import dev.outband.wsman.amt.users.Realms;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Adds a user, or changes one (password, permission and realms), or the administrator's password. Esc cancels. */
final class AccountDialog {
    private AccountDialog() {
    }

    static Optional<AccountForm> show(Window owner, AccountForm form) {
        String header = form.adding() ? "A digest user who logs in to AMT with its own password"
                : form.admin() ? "The new password of " + form.name().get() + ", AMT's built-in administrator"
                : "New password and rights of " + form.name().get() + " (AMT takes them together)";

        FormGrid grid = new FormGrid();
        TextField name = grid.add("Name", FormGrid.text("userName", form.name(), "up to 16 characters"),
                form.nameError());
        name.setDisable(!form.adding());
        grid.add("Password", FormGrid.password("userPassword", form.password(), "8 to 32, mixed"),
                form.passwordError());
        grid.add("Again", FormGrid.password("userConfirm", form.confirm(), "the same password"), form.confirmError());
        VBox content = new VBox(8, grid.node());
        if (!form.admin()) {
            ChoiceBox<AccessPermission> permission = new ChoiceBox<>();
            permission.setId("userPermission");
            permission.getItems().setAll(AccessPermission.values());
            permission.setConverter(new StringConverter<>() {
                @Override
                public String toString(AccessPermission p) {
                    return p == null ? "" : p.label();
                }

                @Override
                public AccessPermission fromString(String s) {
                    return null;
                }
            });
            permission.valueProperty().bindBidirectional(form.permission());
            grid.add("Access", permission, null);
            content.getChildren().add(realms(form));
        }

        EditDialog dialog = new EditDialog(owner, "accountDialog", form.adding() ? "Add AMT user" : form.admin()
                ? "Change administrator password" : "Edit AMT user", form.adding() ? "Add" : "Change", content);
        dialog.header(header);
        dialog.allowWhen(form.valid());
        Platform.runLater(() -> (form.adding() ? name : grid.node().lookup("#userPassword")).requestFocus());
        return dialog.showAndWait() ? Optional.of(form) : Optional.empty();
    }

    /** A box per realm AMT lets a user have; the form's realms follow the boxes. */
    private static Node realms(AccountForm form) {
        TilePane boxes = new TilePane(12, 4);
        boxes.setPrefColumns(3);
        for (int realm : Realms.all()) {
            CheckBox box = new CheckBox(Realms.name(realm));
            box.setId("realm" + realm);
            box.setSelected(form.realms().contains(realm));
            box.selectedProperty().subscribe(on -> {
                if (on && !form.realms().contains(realm)) {
                    form.realms().add(realm);
                } else if (!on) {
                    form.realms().remove(Integer.valueOf(realm));
                }
            });
            boxes.getChildren().add(box);
        }
        return new VBox(4, new Label("May use"), boxes, FormGrid.error("realmsError", form.realmsError()));
    }
}
