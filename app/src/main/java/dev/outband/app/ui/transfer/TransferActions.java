package dev.outband.app.ui.transfer;

import dev.outband.app.transfer.DeviceTransfer;
import dev.outband.app.transfer.TransferFormat;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.devices.DeviceListViewModel;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File ▸ Import… and Export…: choose a file, transfer off the FX thread, report the result. */
public final class TransferActions {
    private final Node anchor;
    private final Background background;
    private final DeviceListViewModel vm;

    public TransferActions(Node anchor, Background background, DeviceListViewModel vm) {
        this.anchor = anchor;
        this.background = background;
        this.vm = vm;
    }

    public void importList() {
        if (!vm.ready().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import devices");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Device lists (*.csv, *.json)", "*.csv", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(window());
        if (file == null) {
            return;
        }
        var transfer = new DeviceTransfer(vm.repository());
        background.run("Importing " + file.getName(), () -> transfer.importFile(file.toPath(), null), result -> {
            vm.reload(n -> { });
            ImportResultDialog.show(window(), file.getName(), result);
        });
    }

    public void exportList() {
        if (!vm.ready().get()) {
            return;
        }
        ExportOptionsDialog.ask(window()).ifPresent(options -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export devices");
            boolean csv = options.format() == TransferFormat.CSV;
            chooser.setInitialFileName(csv ? "outband-devices.csv" : "outband-devices.json");
            chooser.getExtensionFilters().add(csv
                    ? new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv")
                    : new FileChooser.ExtensionFilter("MeshCommander list (*.json)", "*.json"));
            File file = chooser.showSaveDialog(window());
            if (file == null) {
                return;
            }
            Path target = file.toPath();
            var transfer = new DeviceTransfer(vm.repository());
            background.run("Exporting devices", () -> transfer.exportFile(target, options.format(), options.includePasswords()),
                    count -> {
                        Alert done = new Alert(Alert.AlertType.INFORMATION,
                                count + " device(s) written to " + target
                                        + (options.includePasswords() ? "\nThe file contains passwords in clear text." : ""));
                        done.initOwner(window());
                        done.setHeaderText("Export finished");
                        done.show();
                    });
        });
    }

    private Window window() {
        return anchor.getScene().getWindow();
    }
}
