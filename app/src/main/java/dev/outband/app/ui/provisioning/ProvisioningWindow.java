package dev.outband.app.ui.provisioning;

import atlantafx.base.theme.Styles;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.HostNames;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Provisioning window: activation profiles, the activation server (start/stop, address, certificate
 * fingerprint, the rpc-go line to run on a device) and the activations in progress with their step and result.
 * Made on first use and reused; closing it keeps the server running.
 */
public final class ProvisioningWindow {
    private final ProvisioningViewModel vm;
    private Stage stage;

    public ProvisioningWindow(ProvisioningViewModel vm) {
        this.vm = vm;
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Provisioning — Outband");
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
            VBox root = new VBox(14, section("Activation profiles", "How devices are set up: the client names one"
                    + " with --profile NAME."), profiles(), section("Activation server", "A websocket over TLS (lab"
                    + " CA certificate) for DMT's open-source device client, rpc-go."), server(),
                    section("Activations", "Devices in progress and how each ended."), activations());
            root.setPadding(new Insets(18));
            stage.setScene(new Scene(root, 1240, 820));
        }
        vm.reloadProfiles();
        stage.show();
        stage.toFront();
    }

    private static Node section(String title, String intro) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        Label i = new Label(intro);
        i.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(2, t, i);
    }

    private Node profiles() {
        TableView<ActivationProfile> table = new TableView<>(vm.profiles());
        table.setId("profiles");
        table.setPrefHeight(170);
        table.setMinHeight(140);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Name", ActivationProfile::name),
                column("Mode", p -> p.controlMode().name()),
                column("Admin password", p -> p.adminPassword() == null ? "generated per device" : "given"),
                column("TLS", p -> p.tls() ? "lab certificate" : "off"),
                column("Call home", p -> p.callsHome() ? HostNames.join(p.callHomeAddress(), p.callHomePort()) : "-"),
                column("Consent", p -> p.userConsent().name().toLowerCase(Locale.ROOT)),
                column("Redirection", p -> (p.kvm() ? "KVM " : "") + (p.sol() ? "SOL " : "") + (p.ider() ? "IDE-R" : "")),
                column("Network", p -> p.network().name().toLowerCase(Locale.ROOT))));
        Button add = new Button("Add…");
        add.setId("addProfile");
        add.setOnAction(e -> new ProfileDialog(stage, null).ask().ifPresent(vm::save));
        Button edit = new Button("Edit…");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> new ProfileDialog(stage, table.getSelectionModel().getSelectedItem()).ask()
                .ifPresent(vm::save));
        Button remove = new Button("Remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));
        return new VBox(8, table, new HBox(8, add, edit, remove));
    }

    private Node server() {
        TextField address = new TextField();
        address.textProperty().bindBidirectional(vm.address());
        address.setPrefColumnCount(12);
        TextField port = new TextField();
        port.setId("activationPort");
        port.textProperty().bindBidirectional(vm.port());
        port.setPrefColumnCount(6);
        TextField host = new TextField();
        host.textProperty().bindBidirectional(vm.host());
        host.setPromptText("the name devices use for this laptop");
        PasswordField key = new PasswordField();
        key.textProperty().bindBidirectional(vm.apiKey());
        key.setPromptText("empty: any client (closed lab only)");
        for (Node n : new Node[] {address, port, host, key}) {
            n.disableProperty().bind(vm.running());
        }
        Button start = new Button("Start");
        start.setId("startActivation");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(vm.running());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.disableProperty().bind(vm.running().not());
        stop.setOnAction(e -> vm.stop());
        TextField url = readOnly(vm.url());
        url.setId("activationUrl");
        TextField fingerprint = readOnly(vm.fingerprint());
        fingerprint.setId("activationFingerprint");
        TextArea lines = new TextArea();
        lines.setId("activationCommand");
        lines.textProperty().bind(vm.commandLines());
        lines.setEditable(false);
        lines.setPrefRowCount(3);
        lines.setStyle("-fx-font-family: monospace");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Listen on"), new HBox(8, address, new Label("port"), port, new Label("API key"), key,
                start, stop));
        grid.addRow(1, new Label("Devices reach it as"), host);
        grid.addRow(2, new Label("URL"), url);
        grid.addRow(3, new Label("Certificate SHA-256"), new HBox(8, fingerprint, copy(vm.fingerprint()::get)));
        grid.addRow(4, new Label("Run on a device"), new HBox(8, lines, copy(vm.commandLines()::get)));
        HBox.setHgrow(fingerprint, Priority.ALWAYS);
        HBox.setHgrow(lines, Priority.ALWAYS);
        GridPane.setHgrow(url, Priority.ALWAYS);
        Label hint = new Label("The client checks the certificate against the device's system roots: install the lab"
                + " root there (Lab ▸ Certificates… ▸ Export), or add -n. Call home needs the Lab listener running.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(8, grid, hint);
    }

    private Node activations() {
        TableView<ActivationRow> table = new TableView<>(vm.activations());
        table.setId("activations");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(column("Started", ActivationRow::started), column("Device", ActivationRow::device),
                column("UUID", ActivationRow::uuid), column("Profile", ActivationRow::profile),
                column("Step", ActivationRow::step), column("Result", ActivationRow::result)));
        table.setPlaceholder(new Label("No device has connected yet."));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TextField readOnly(javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setEditable(false);
        field.textProperty().bind(value);
        return field;
    }

    private static Button copy(java.util.function.Supplier<String> text) {
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
