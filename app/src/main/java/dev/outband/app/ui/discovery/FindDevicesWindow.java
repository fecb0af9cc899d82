package dev.outband.app.ui.discovery;

import dev.outband.app.ui.EscapeCloses;
import atlantafx.base.theme.Styles;
import dev.outband.app.ui.TextColumns;
import dev.outband.wsman.discovery.DiscoveredDevice;
import dev.outband.wsman.tls.Certificates;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Find devices…": a range, Scan with progress and Cancel, what was found, and Add selected with one credential. */
public final class FindDevicesWindow {
    private final FindDevicesViewModel vm;
    private Stage stage;

    public FindDevicesWindow(FindDevicesViewModel vm) {
        this.vm = vm;
    }

    /** Shows the window, made on first use and kept (with its last results) while the console runs. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            EscapeCloses.on(stage);
            stage.initOwner(owner);
            stage.setTitle("Find devices — Outband");
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
            stage.setScene(new Scene(root(), 1400, 600));
            stage.setOnHidden(e -> vm.cancel());
        }
        stage.show();
        stage.toFront();
    }

    Parent root() {
        TextField range = new TextField();
        range.setId("discoveryRange");
        range.setPromptText("192.168.1.0/24 or 192.168.1.10-192.168.1.60 (at most a /16)");
        range.setPrefColumnCount(26);
        range.textProperty().bindBidirectional(vm.range());
        range.disableProperty().bind(vm.running());
        Spinner<Integer> rate = spinner(1, 100_000, vm.rate().get(), "discoveryRate");
        rate.valueProperty().addListener((o, was, now) -> vm.rate().set(now));
        rate.setTooltip(new Tooltip("Hosts pinged and probed per second"));
        Spinner<Integer> concurrency = spinner(1, 4_096, vm.concurrency().get(), "discoveryConcurrency");
        concurrency.valueProperty().addListener((o, was, now) -> vm.concurrency().set(now));
        concurrency.setTooltip(new Tooltip("Hosts probed at once"));
        Button scan = new Button("Scan", new FontIcon(Feather.SEARCH));
        scan.setId("discoveryScan");
        scan.setDefaultButton(true);
        scan.disableProperty().bind(vm.running().or(vm.range().isEmpty()));
        scan.setOnAction(e -> vm.scan());
        range.setOnAction(e -> vm.scan());
        Button cancel = new Button("Cancel");
        cancel.setId("discoveryCancel");
        cancel.disableProperty().bind(vm.running().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox top = new HBox(8, new Label("Range"), range, new Label("Hosts/s"), rate, new Label("At once"),
                concurrency, scan, cancel);
        top.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("discoveryProgress");
        progress.progressProperty().bind(vm.progress());
        progress.setPrefWidth(240);
        Label status = new Label();
        status.setId("discoveryStatus");
        status.textProperty().bind(vm.status());
        status.setWrapText(true);
        HBox progressRow = new HBox(10, progress, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        TableView<DiscoveredDevice> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField user = new TextField();
        user.setId("discoveryUser");
        user.textProperty().bindBidirectional(vm.user());
        user.setPrefColumnCount(10);
        PasswordField password = new PasswordField();
        password.setId("discoveryPassword");
        password.textProperty().bindBidirectional(vm.password());
        CheckBox pin = new CheckBox("Pin the TLS certificates seen");
        pin.setId("discoveryPin");
        pin.selectedProperty().bindBidirectional(vm.pinSeenCertificates());
        pin.setTooltip(new Tooltip("AMT's certificates are self-signed: pin the one each device showed. "
                + "Clear to check them against the trusted roots instead (lab CA certificates)."));
        Button add = new Button("Add selected", new FontIcon(Feather.PLUS));
        add.setId("discoveryAdd");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()).or(vm.running()));
        add.setOnAction(e -> vm.add(List.copyOf(table.getSelectionModel().getSelectedItems())));
        HBox credentials = new HBox(8, new Label("AMT user"), user, new Label("Password"), password, pin, add);
        credentials.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(10, top, progressRow, table, credentials);
        content.setPadding(new Insets(12));
        return new BorderPane(content);
    }

    private TableView<DiscoveredDevice> table() {
        TableView<DiscoveredDevice> table = new TableView<>(vm.found());
        table.setId("discoveryResults");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().setAll(List.of(
                TextColumns.narrow("Address", 120, DiscoveredDevice::address),
                TextColumns.narrow("Ports", 120, d -> d.ports().stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))),
                TextColumns.narrow("TLS", 50, d -> d.tls() ? "yes" : "no"),
                TextColumns.narrow("AMT version", 125, d -> d.version() == null ? "?" : d.version()),
                TextColumns.narrow("Provisioned", 135, d -> d.provisioning() == null ? "unknown"
                        : d.provisioning().words()),
                TextColumns.of("Certificate SHA-256", 800,
                        d -> d.sha256() == null ? "" : Certificates.grouped(d.sha256()))));
        Label empty = new Label("Nothing found yet");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        return table;
    }

    private static Spinner<Integer> spinner(int min, int max, int value, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setPrefWidth(100);
        s.setId(id);
        return s;
    }
}
