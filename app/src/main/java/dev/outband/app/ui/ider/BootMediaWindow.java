package dev.outband.app.ui.ider;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Boot media…": a local ISO or disk image mounted as the device's IDE-R drive, optionally booted from at once, the
 * bytes the device reads as it boots, and Stop. Closing the window detaches the media.
 */
public final class BootMediaWindow {
    private final BootMediaViewModel vm;

    public BootMediaWindow(BootMediaViewModel vm) {
        this.vm = vm;
    }

    public void show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Boot media — " + vm.device().name() + " — Outband");
        if (owner instanceof Stage main) {
            stage.getIcons().setAll(main.getIcons());
        }
        stage.setScene(new Scene(root(), 640, 260));
        stage.setOnHidden(e -> vm.stop());
        stage.show();
    }

    Parent root() {
        TextField image = new TextField();
        image.setId("iderImage");
        image.setPromptText("/path/to/boot.iso or disk.img");
        image.textProperty().bindBidirectional(vm.image());
        image.disableProperty().bind(vm.running());
        HBox.setHgrow(image, Priority.ALWAYS);
        Button choose = new Button("Choose…", new FontIcon(Feather.FOLDER));
        choose.setId("iderChoose");
        choose.disableProperty().bind(vm.running());
        choose.setOnAction(e -> choose(choose.getScene().getWindow()));
        HBox file = new HBox(8, new Label("Image"), image, choose);
        file.setAlignment(Pos.CENTER_LEFT);

        CheckBox boot = new CheckBox("Boot the device from it now (power on, or reset when it runs)");
        boot.setId("iderBoot");
        boot.selectedProperty().bindBidirectional(vm.boot());
        boot.disableProperty().bind(vm.running());

        Button start = new Button("Start", new FontIcon(Feather.PLAY));
        start.setId("iderStart");
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.running().or(vm.image().isEmpty()));
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("iderStop");
        stop.disableProperty().bind(vm.running().not());
        stop.setOnAction(e -> vm.stop());
        HBox buttons = new HBox(8, start, stop);

        ProgressBar progress = new ProgressBar(0);
        progress.setId("iderProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(
                () -> vm.size().get() == 0 ? 0 : (double) vm.bytesRead().get() / vm.size().get(),
                vm.bytesRead(), vm.size()));
        Label read = new Label();
        read.setId("iderRead");
        read.textProperty().bind(Bindings.createStringBinding(() -> "Read by the device: "
                + Sizes.of(vm.bytesRead().get()) + (vm.size().get() == 0 ? "" : " of " + Sizes.of(vm.size().get())),
                vm.bytesRead(), vm.size()));
        Label status = new Label();
        status.setId("iderStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.status());

        VBox root = new VBox(12, file, boot, buttons, progress, read, status);
        root.setPadding(new Insets(16));
        return root;
    }

    private void choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Boot media for " + vm.device().name());
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ISO images (CD)", "*.iso", "*.ISO"),
                new FileChooser.ExtensionFilter("Disk images (floppy, USB)", "*.img", "*.ima", "*.bin", "*.IMG"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            vm.image().set(Path.of(chosen.getPath()).toString());
        }
    }
}
