package dev.outband.app.ui.transfer;

import dev.outband.app.transfer.ImportResult;
import dev.outband.app.transfer.Rejection;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Tells how many devices were imported and lists every refused line with its reason. */
final class ImportResultDialog {
    private ImportResultDialog() {
    }

    static void show(Window owner, String fileName, ImportResult result) {
        Alert alert = new Alert(result.partial() ? Alert.AlertType.WARNING : Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Import");
        alert.setHeaderText("Imported " + result.imported().size() + " device(s) from " + fileName
                + (result.partial() ? ", refused " + result.rejected().size() + " line(s)" : ""));
        if (result.partial()) {
            TextArea lines = new TextArea(result.rejected().stream().map(Rejection::toString).collect(Collectors.joining("\n")));
            lines.setId("rejectedLines");
            lines.setEditable(false);
            lines.setPrefRowCount(Math.min(12, result.rejected().size() + 1));
            alert.getDialogPane().setContent(lines);
        } else {
            alert.setContentText("Every line was imported.");
        }
        alert.show();
    }
}
