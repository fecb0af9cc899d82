package dev.outband.app.ui.sources;

import dev.outband.app.store.RemoteSource;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a new source's name, address, API login and trust; stays open until the source is whole. */
final class SourceDialog {
    private SourceDialog() {
    }

    static void ask(Window owner, SourcesViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a remote source");
        dialog.setHeaderText("An MPS or DMT Console and the user its API logs in with");
        TextField name = field("sourceName", "e.g. lab-mps");
        TextField url = field("sourceUrl", "https://mps.example.com");
        TextField user = field("sourceUser", "admin");
        PasswordField password = new PasswordField();
        password.setId("sourcePassword");
        ComboBox<RemoteSource.Trust> trust = SourcesWindow.trustChoice();
        trust.setId("sourceTrust");
        Label problem = new Label();
        problem.setId("sourceProblem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);

        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Address"), url);
        grid.addRow(2, new Label("User"), user);
        grid.addRow(3, new Label("Password"), password);
        grid.addRow(4, new Label("Certificate"), trust);
        grid.add(problem, 0, 5, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Add");
        ok.setId("confirmSource");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String wrong = vm.add(new SourcesViewModel.Draft(name.getText(), url.getText(), user.getText(),
                    password.getText(), trust.getValue()));
            if (wrong != null) {
                problem.setText(wrong);
                e.consume();
            }
        });
        dialog.setOnShown(e -> name.requestFocus());
        dialog.showAndWait();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(28);
        return field;
    }
}
