package dev.outband.app.ui.sources;

import dev.outband.app.ui.EscapeCloses;
import atlantafx.base.theme.Styles;
import dev.outband.app.store.RemoteSource;
import dev.outband.app.ui.TextColumns;
import dev.outband.app.ui.sources.SourcesViewModel.SourceRow;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Remote MPS / DMT Console servers whose devices the device list shows: add, check, pin, remove. */
public final class SourcesWindow {
    private final SourcesViewModel vm;
    private Stage stage;

    public SourcesWindow(SourcesViewModel vm) {
        this.vm = vm;
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            EscapeCloses.on(stage);
            stage.initOwner(owner);
            stage.setTitle("Remote sources — Outband");
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
            stage.setScene(new Scene(content(), 900, 420));
        }
        vm.refresh();
        stage.show();
        stage.toFront();
    }

    private VBox content() {
        Label title = new Label("Remote sources");
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label("Devices that call a Device Management Toolkit MPS or DMT Console are listed, powered "
                + "and opened in KVM through its REST API. Their devices appear in the device list as source/device.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TableView<SourceRow> table = new TableView<>(vm.rows());
        table.setId("sourcesTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TextColumns.of("Name", 120, SourceRow::name));
        table.getColumns().add(TextColumns.of("Address", 220, SourceRow::url));
        table.getColumns().add(TextColumns.of("User", 90, SourceRow::user));
        table.getColumns().add(TextColumns.of("Trust", 130, SourceRow::trust));
        table.getColumns().add(TextColumns.of("Status", 300, SourceRow::status));
        table.setPlaceholder(new Label("No remote sources. Add one with the address and API login of an MPS or DMT Console."));
        VBox.setVgrow(table, Priority.ALWAYS);

        var selected = table.getSelectionModel().selectedItemProperty();
        Button add = new Button("Add…", new FontIcon(Feather.PLUS));
        add.setId("addSource");
        add.setOnAction(e -> SourceDialog.ask(stage, vm));
        Button check = new Button("Check", new FontIcon(Feather.REFRESH_CW));
        check.setId("checkSources");
        check.setOnAction(e -> vm.refresh());
        Button pin = new Button("Trust this certificate…", new FontIcon(Feather.LOCK));
        pin.setId("pinSource");
        pin.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().pinCandidate() == null, selected));
        pin.setOnAction(e -> confirmPin(selected.get()));
        Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.setId("removeSource");
        remove.disableProperty().bind(selected.isNull());
        remove.setOnAction(e -> confirmRemove(selected.get()));
        HBox buttons = new HBox(8, add, check, pin, remove);

        VBox box = new VBox(10, title, intro, table, buttons);
        box.setPadding(new Insets(16));
        return box;
    }

    private void confirmPin(SourceRow row) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setHeaderText("Trust the certificate " + row.name() + " showed?");
        confirm.setContentText("SHA-256 " + row.pinCandidate() + "\n\nCompare it with the server's own certificate "
                + "before you trust it: from then on only this certificate is accepted for " + row.url() + ".");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.pin(row));
    }

    private void confirmRemove(SourceRow row) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Its devices leave the device list; nothing changes on the server.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setHeaderText("Remove source " + row.name() + "?");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(row));
    }

    /** Pinning is offered after the first contact shows the certificate, so the choice here is between roots. */
    static ComboBox<RemoteSource.Trust> trustChoice() {
        ComboBox<RemoteSource.Trust> box = new ComboBox<>();
        box.getItems().setAll(RemoteSource.Trust.SYSTEM, RemoteSource.Trust.LAB);
        box.setValue(RemoteSource.Trust.SYSTEM);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RemoteSource.Trust t) {
                return t == RemoteSource.Trust.LAB ? "System roots and the lab root" : "System roots";
            }

            @Override
            public RemoteSource.Trust fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return box;
    }
}
