package dev.outband.app.ui.lab;

import dev.outband.app.cira.LocalAddresses;
import dev.outband.app.lab.CallHome;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks where devices call (this laptop's address and the listener's port), when, and from which networks. */
final class CallHomeDialog {
    private static final int DEFAULT_PORT = 4433;

    private final Window owner;
    private final int count;
    private final boolean listening;

    CallHomeDialog(Window owner, int count, boolean listening) {
        this.owner = owner;
        this.count = count;
        this.listening = listening;
    }

    Optional<CallHome.Options> ask() {
        return show(true);
    }

    Optional<CallHome.Options> askAddress() {
        return show(false);
    }

    private Optional<CallHome.Options> show(boolean full) {
        Dialog<CallHome.Options> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(full ? "Call this laptop" : "Stop calling this laptop");
        dialog.setHeaderText((full ? "Set up " : "Undo the setup of ") + count + (count == 1 ? " device" : " devices")
                + (full ? " to call this laptop's lab listener over CIRA." : "."));
        ComboBox<String> address = new ComboBox<>();
        address.setId("callHomeAddress");
        address.setEditable(true);
        address.getItems().setAll(LocalAddresses.names());
        address.getSelectionModel().selectFirst();
        Spinner<Integer> port = new Spinner<>(1, 65535, DEFAULT_PORT);
        port.setEditable(true);
        TextField domains = new TextField();
        domains.setId("callHomeDomains");
        domains.setPromptText("empty: always call; else e.g. lab.example.com, corp.example.com");
        Spinner<Integer> minutes = new Spinner<>(1, 24 * 60, 60);
        minutes.setEditable(true);
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label("This laptop's address"), address);
        grid.addRow(1, new Label("Listener port"), port);
        if (full) {
            grid.addRow(2, new Label("Intranet domains"), domains);
            grid.addRow(3, new Label("Also call every (minutes)"), minutes);
            Label note = new Label(listening
                    ? "The console waits until each device calls in."
                    : "The lab listener is not running: the devices are set up, and call in once you start it.");
            note.setWrapText(true);
            grid.add(note, 0, 4, 2, 1);
        }
        grid.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK || address.getEditor().getText().isBlank()) {
                return null;
            }
            List<String> intranet = Arrays.stream(domains.getText().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            return CallHome.Options.to(address.getEditor().getText().strip(), port.getValue())
                    .withIntranetDomains(intranet).withPeriodic(Duration.ofMinutes(minutes.getValue()));
        });
        return dialog.showAndWait();
    }
}
