package dev.outband.app.ui.virtuallab;

import dev.outband.app.virtuallab.VirtualLab;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks how many virtual devices a lab has and the loopback address of the first. */
public final class VirtualLabDialog {
    /** What the technician chose. */
    public record Request(int count, String firstAddress) {
    }

    private VirtualLabDialog() {
    }

    /** Empty when cancelled; {@code running} is the running lab's addresses (empty when none runs). */
    public static Optional<Request> ask(Window owner, List<String> running) {
        Dialog<Request> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a virtual lab");
        dialog.setHeaderText("Simulated Intel AMT devices, run by this console, for a demo or a training session.");
        Spinner<Integer> count = new Spinner<>(1, VirtualLab.MAX_DEVICES, 3);
        count.setId("virtualLabCount");
        count.setEditable(true);
        TextField first = new TextField(VirtualLab.DEFAULT_FIRST_ADDRESS);
        first.setId("virtualLabAddress");
        Label note = new Label("Each device gets a loopback address of its own (127.0.0.20, .21, …) with AMT's ports"
                + " 16992–16995, and joins the device list as sim-1, sim-2, … with its admin password in the store."
                + " The devices run until the console closes."
                + (running.isEmpty() ? "" : "\nThe lab on " + running.getFirst()
                        + (running.size() > 1 ? "–" + running.getLast() : "") + " stops and this one replaces it."));
        note.setWrapText(true);
        note.setMaxWidth(460);
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label("Devices"), count);
        grid.addRow(1, new Label("First address"), first);
        grid.add(note, 0, 2, 2, 1);
        grid.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(grid);
        ButtonType start = new ButtonType("Start lab", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        ((Button) dialog.getDialogPane().lookupButton(start)).setId("virtualLabStart");
        dialog.setResultConverter(b -> b == start ? new Request(count.getValue(), first.getText().strip()) : null);
        return dialog.showAndWait();
    }
}
