package dev.outband.app.ui.cira;

import atlantafx.base.theme.Styles;
import dev.outband.app.ui.TextColumns;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Lab listener panel: settings, start/stop, certificate fingerprint and the connected devices. */
final class LabListenerView {
    private final LabListenerViewModel vm;
    private final VBox root;

    LabListenerView(LabListenerViewModel vm) {
        this.vm = vm;
        Label title = new Label("Local CIRA listener");
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label("AMT devices configured with this computer as their MPS connect here over TLS; "
                + "the console then reaches them through the tunnel.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        root = new VBox(14, new VBox(4, title, intro), form(), apiForm(), actions(), fingerprint(), devices());
        root.setPadding(new Insets(18));
    }

    Parent root() {
        return root;
    }

    private Node form() {
        TextField port = new TextField();
        port.setId("ciraPort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(vm.port());
        port.setTooltip(new Tooltip("TLS port devices connect to; 4433 is what AMT expects by default, 0 picks a free one"));
        TextField user = new TextField();
        user.setId("ciraUser");
        user.setPromptText("as set on the devices");
        user.textProperty().bindBidirectional(vm.user());
        PasswordField password = new PasswordField();
        password.setId("ciraPassword");
        password.textProperty().bindBidirectional(vm.password());
        password.promptTextProperty().bind(Bindings.when(vm.passwordSaved())
                .then("saved — leave empty to keep").otherwise("as set on the devices"));
        PasswordField caPassphrase = new PasswordField();
        caPassphrase.setId("caPassphrase");
        caPassphrase.setPromptText("only to sign a new listener certificate");
        caPassphrase.textProperty().bindBidirectional(vm.caPassphrase());
        Label caLabel = new Label("Lab CA passphrase");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Port"), port);
        grid.addRow(1, new Label("CIRA user"), user);
        grid.addRow(2, new Label("CIRA password"), password);
        grid.addRow(3, caLabel, caPassphrase);
        port.setMaxWidth(Region.USE_PREF_SIZE);
        for (Node n : new Node[] {caLabel, caPassphrase}) {
            n.visibleProperty().bind(vm.labCa());
            n.managedProperty().bind(vm.labCa());
        }
        var fields = new ColumnConstraints();
        fields.setPrefWidth(320);
        grid.getColumnConstraints().addAll(new ColumnConstraints(130), fields);
        for (Node input : new Node[] {port, user, password, caPassphrase}) {
            input.disableProperty().bind(vm.running().or(vm.busy()));
        }
        return grid;
    }

    /** Off by default: the MPS API (DMT's REST subset and KVM relay) for this listener's devices. */
    private Node apiForm() {
        CheckBox enabled = new CheckBox("Also serve the MPS API (DMT REST and KVM relay) for these devices");
        enabled.setId("apiEnabled");
        enabled.selectedProperty().bindBidirectional(vm.apiEnabled());
        TextField address = new TextField();
        address.setId("apiAddress");
        address.setPrefColumnCount(12);
        address.textProperty().bindBidirectional(vm.apiAddress());
        address.setTooltip(new Tooltip("127.0.0.1 serves only this computer over HTTP; any other address serves HTTPS"
                + " with the listener's certificate"));
        TextField port = new TextField();
        port.setId("apiPort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(vm.apiPort());
        TextField user = new TextField();
        user.setId("apiUser");
        user.setPrefColumnCount(10);
        user.textProperty().bindBidirectional(vm.apiUser());
        PasswordField password = new PasswordField();
        password.setId("apiPassword");
        password.setPromptText("empty: the one saved");
        password.textProperty().bindBidirectional(vm.apiPassword());
        HBox fields = new HBox(8, new Label("Address"), address, new Label("Port"), port, new Label("User"), user,
                new Label("Password"), password);
        fields.setAlignment(Pos.CENTER_LEFT);
        fields.visibleProperty().bind(vm.apiEnabled());
        fields.managedProperty().bind(vm.apiEnabled());
        for (Node input : new Node[] {enabled, address, port, user, password}) {
            input.disableProperty().bind(vm.running().or(vm.busy()));
        }
        return new VBox(8, enabled, fields);
    }

    private Node actions() {
        Button start = new Button("Start", new FontIcon(Feather.PLAY));
        start.setId("startListener");
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.ready().not().or(vm.running()).or(vm.busy()));
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("stopListener");
        stop.getStyleClass().add(Styles.DANGER);
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.running().not().or(vm.busy()));
        // Start disables itself: hand focus on, or it lands in the fingerprint field and selects it.
        vm.running().addListener((o, was, on) -> (on ? stop : start).requestFocus());

        FontIcon dot = new FontIcon(Feather.CIRCLE);
        Label status = new Label();
        status.setId("listenerStatus");
        status.textProperty().bind(vm.status());
        status.setGraphic(dot);
        status.setWrapText(true);
        vm.running().addListener(o -> restyle(status));
        vm.failed().addListener(o -> restyle(status));
        restyle(status);
        HBox box = new HBox(10, start, stop, status);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setMargin(status, new Insets(0, 0, 0, 8));
        return box;
    }

    private void restyle(Label status) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        status.getStyleClass().add(vm.failed().get() ? Styles.DANGER : vm.running().get() ? Styles.SUCCESS
                : Styles.TEXT_MUTED);
    }

    private Node fingerprint() {
        TextField text = new TextField();
        text.setId("listenerFingerprint");
        text.setEditable(false);
        text.setPromptText("made on first start");
        text.textProperty().bind(vm.fingerprint());
        // Small enough that all 32 pairs show, so a technician can compare them by eye.
        text.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("copyFingerprint");
        copy.getStyleClass().add(Styles.BUTTON_ICON);
        copy.setTooltip(new Tooltip("Copy the fingerprint"));
        copy.disableProperty().bind(vm.fingerprint().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.fingerprint().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label label = new Label("Certificate SHA-256");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(10, label, text, copy);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node devices() {
        TableView<ConnectedDeviceRow> table = new TableView<>(vm.rows());
        table.setId("connectedDevices");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.STRIPED);
        table.getColumns().add(TextColumns.of("UUID", 300, ConnectedDeviceRow::uuid));
        table.getColumns().add(TextColumns.of("Address", 150, ConnectedDeviceRow::address));
        table.getColumns().add(TextColumns.of("Connected since", 170, ConnectedDeviceRow::connectedSince));
        table.getColumns().add(TextColumns.of("Last keep-alive", 130, ConnectedDeviceRow::lastKeepAlive));
        table.getColumns().add(TextColumns.of("Forwarded ports", 140, ConnectedDeviceRow::forwardedPorts));
        table.getColumns().add(TextColumns.of("Open channels", 110, ConnectedDeviceRow::openChannels));
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(vm.running())
                .then("Waiting for devices: they call in at their next CIRA connection.")
                .otherwise("Start the listener, then point devices' MPS setting at this computer."));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label heading = new Label("Connected devices");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label count = new Label();
        count.setId("connectedCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.countText());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, heading, spacer, count);
        header.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(6, header, table);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }
}
