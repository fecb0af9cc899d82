package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A page's edit form: its apply button ({@code #okButton}) stays disabled while the form names a problem (shown
 * in words under the form, or under its fields), Cancel and Esc close it without changing anything.
 */
public final class EditDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType apply;
    private final Label problem = new Label("", new FontIcon(Feather.ALERT_CIRCLE));

    public EditDialog(Window owner, String id, String title, String applyText, Node form) {
        apply = new ButtonType(applyText, ButtonBar.ButtonData.OK_DONE);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        problem.setId(id + "Problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        VBox content = new VBox(12, form, problem);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getButtonTypes().setAll(apply, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(apply).setId("okButton");
    }

    /** A longer line under the title, for what the technician should know before applying. */
    public void header(String text) {
        dialog.setHeaderText(text);
    }

    /** For forms that show each field's problem beneath it: the apply button follows {@code valid}. */
    public void allowWhen(ObservableBooleanValue valid) {
        dialog.getDialogPane().lookupButton(apply).disableProperty().bind(Bindings.not(valid));
    }

    /** {@code issue} is null while the form may be applied, else what is wrong with it. */
    public void validate(ObservableValue<String> issue) {
        Button button = (Button) dialog.getDialogPane().lookupButton(apply);
        issue.subscribe(text -> {
            problem.setText(text == null ? "" : text);
            problem.setVisible(text != null);
            button.setDisable(text != null);
            // The problem's line changes the form's height: the dialog follows it.
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    /** True when the technician applied the form; blocks in a nested event loop as every dialog does. */
    public boolean showAndWait() {
        return dialog.showAndWait().filter(apply::equals).isPresent();
    }
}
