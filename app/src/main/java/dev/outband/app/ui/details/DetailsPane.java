package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import dev.outband.app.ui.details.FactGrid.Fact;
import dev.outband.app.ui.details.boot.BootPage;
import dev.outband.app.ui.details.certificates.CertificatesPage;
import dev.outband.app.ui.details.events.SubscriptionsPage;
import dev.outband.app.ui.details.features.FeaturesPage;
import dev.outband.app.ui.details.clock.ClockPage;
import dev.outband.app.ui.details.network.NetworkPage;
import dev.outband.app.ui.details.users.UsersPage;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.power.PowerStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What the selected device reports about itself: overview (identity, power), hardware, event and audit logs. */
public final class DetailsPane {
    /** Narrower than this, the eleven tabs fit only without their icons. */
    static final double TAB_ICONS_FROM_WIDTH = 1200;

    private final DetailsViewModel vm;
    private final StackPane root = new StackPane();

    public DetailsPane(DetailsViewModel vm) {
        this.vm = vm;
        root.setId("detailsPane");
        root.setMinHeight(160);
        Node details = details();
        Node none = noSelection();
        root.getChildren().addAll(details, none);
        vm.device().subscribe(d -> {
            details.setVisible(d != null);
            none.setVisible(d == null);
        });
    }

    public Node node() {
        return root;
    }

    private Node details() {
        TabPane tabs = new TabPane(
                tab("Overview", Feather.INFO, scroll(overview())),
                tab("Hardware", Feather.CPU, scroll(padded(hardware()))),
                new NetworkPage(vm).tab(),
                new BootPage(vm).tab(),
                new FeaturesPage(vm).tab(),
                new UsersPage(vm).tab(),
                new CertificatesPage(vm).tab(),
                new ClockPage(vm).tab(),
                new SubscriptionsPage(vm).tab(),
                tab("Event log", Feather.LIST, padded(events())),
                tab("Audit log", Feather.SHIELD, padded(audit())));
        tabs.setId("detailsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        Map<Tab, Node> icons = new HashMap<>();
        tabs.getTabs().forEach(tab -> icons.put(tab, tab.getGraphic()));
        tabs.widthProperty().subscribe(width -> icons.forEach((tab, icon) ->
                tab.setGraphic(width.doubleValue() >= TAB_ICONS_FROM_WIDTH ? icon : null)));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return new VBox(header(), certificateBanner(), tabs);
    }

    /** When TLS refused the device's certificate: the way to trust it, next to where the reads failed. */
    private Node certificateBanner() {
        Label text = new Label("The device's TLS certificate was refused. Check its fingerprint and trust it "
                + "to read this device.", new FontIcon(Feather.LOCK));
        text.setWrapText(true);
        Button trust = new Button("Check and trust certificate…");
        trust.setId("trustCertificate");
        trust.getStyleClass().add(Styles.ACCENT);
        trust.setOnAction(e -> vm.trustCertificate());
        HBox banner = new HBox(12, text, trust);
        banner.setId("certificateBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 12, 6, 12));
        banner.getStyleClass().add(Styles.WARNING);
        banner.setStyle("-fx-background-color: -color-warning-subtle;");
        banner.managedProperty().bind(banner.visibleProperty());
        banner.visibleProperty().bind(vm.refusedCertificate().isNotNull());
        return banner;
    }

    private Node header() {
        Label name = new Label();
        name.setId("detailsTitle");
        name.getStyleClass().add(Styles.TITLE_4);
        Label host = new Label();
        host.getStyleClass().add(Styles.TEXT_MUTED);
        vm.device().subscribe(d -> {
            name.setText(d == null ? "" : d.name());
            host.setText(d == null ? "" : d.address());
        });
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("detailsRefresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Read the device again"));
        refresh.setOnAction(e -> vm.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, name, host, spacer, refresh);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(8, 8, 6, 12));
        return header;
    }

    private Node overview() {
        FactGrid identity = new FactGrid("identityFacts");
        FactGrid power = new FactGrid("powerFacts");
        VBox left = new VBox(8, heading("Identity"),
                new SectionView<>("identity", "the identity", vm.identity(), identity.node(),
                        (AmtIdentity i) -> identity.show(identityFacts(i))).node());
        VBox right = new VBox(8, heading("Power"),
                new SectionView<>("power", "the power state", vm.power(), power.node(),
                        (PowerStatus p) -> power.show(powerFacts(p))).node());
        // Two equal columns: heights of wrapped error texts are measured at the width they really get.
        GridPane box = new GridPane(32, 0);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        box.getColumnConstraints().setAll(half, half);
        box.addRow(0, left, right);
        box.setPadding(new Insets(12));
        return box;
    }

    private Node hardware() {
        FactGrid facts = new FactGrid("hardwareFacts");
        return new SectionView<>("hardware", "the hardware inventory", vm.hardware(), facts.node(),
                (HardwareInventory h) -> facts.show(hardwareFacts(h))).node();
    }

    private Node events() {
        EventLogTable table = new EventLogTable();
        return new SectionView<>("events", "the event log", vm.events(), table.node(), table::show).node();
    }

    private Node audit() {
        AuditLogTable table = new AuditLogTable();
        return new SectionView<>("audit", "the audit log", vm.audit(), table.node(), table::show).node();
    }

    private static List<Fact> identityFacts(AmtIdentity i) {
        return List.of(
                new Fact("AMT version", DetailsText.or(i.amtVersion())),
                new Fact("Control mode", DetailsText.mode(i.provisioningMode())),
                new Fact("Provisioning", DetailsText.state(i.provisioningState())),
                new Fact("Host name", DetailsText.fqdn(i.hostName(), i.domainName())),
                new Fact("UUID", i.uuid() == null ? DetailsText.UNKNOWN : i.uuid().toString()));
    }

    private static List<Fact> powerFacts(PowerStatus p) {
        return List.of(
                new Fact("Power state", p.name()),
                new Fact("OS power state", DetailsText.osPowerSaving(p.osPowerSavingState())));
    }

    private static List<Fact> hardwareFacts(HardwareInventory h) {
        return List.of(
                new Fact("Manufacturer", DetailsText.or(h.manufacturer())),
                new Fact("Model", DetailsText.or(h.model())),
                new Fact("Serial number", DetailsText.or(h.serialNumber())),
                new Fact("BIOS", DetailsText.words(h.biosVendor(), h.biosVersion())),
                new Fact("Processors", DetailsText.lines(h.processors())),
                new Fact("Memory", DetailsText.bytes(h.memoryBytes())),
                new Fact("Memory modules",
                        DetailsText.lines(h.memoryModules().stream().map(DetailsText::module).toList())),
                new Fact("Storage", DetailsText.lines(h.storage())),
                new Fact("Network cards",
                        DetailsText.lines(h.networkCards().stream().map(DetailsText::card).toList())));
    }

    private static Node noSelection() {
        Label hint = new Label("Select one device to see what it reports about itself.", new FontIcon(Feather.INFO));
        hint.setId("detailsHint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        StackPane box = new StackPane(hint);
        box.setPadding(new Insets(24));
        return box;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD);
        return label;
    }

    private static Tab tab(String title, Feather icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }

    private static Node scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Node padded(Node content) {
        StackPane box = new StackPane(content);
        box.setPadding(new Insets(12));
        return box;
    }
}
