package dev.outband.app.ui.details.network;

import atlantafx.base.theme.Styles;
import dev.outband.app.ui.details.DetailsText;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.details.DevicePage;
import dev.outband.app.ui.details.FactGrid;
import dev.outband.app.ui.details.FactGrid.Fact;
import dev.outband.app.ui.details.SectionView;
import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.amt.network.NetworkSettings;
import dev.outband.wsman.amt.network.WifiProfile;
import dev.outband.wsman.amt.network.WiredSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Network tab: the wired and wireless ports as AMT sees them, the wireless profiles, and the wired edit. */
public final class NetworkPage {
    /** AMT_EthernetPortSettings.LinkPolicy: when AMT keeps the link up. */
    private static final Map<Integer, String> LINK_POLICIES = Map.of(1, "host on (AC)", 14, "host asleep (AC)",
            16, "host on (battery)", 224, "host asleep (battery)");

    private final DevicePage<NetworkSettings> page;
    private final FactGrid wired = new FactGrid("wiredFacts");
    private final FactGrid wireless = new FactGrid("wirelessFacts");
    private final TableView<WifiProfile> profiles = new TableView<>();
    private final Button edit = new Button("Edit wired settings…", new FontIcon(Feather.EDIT_2));
    private EthernetPort shownWired;

    public NetworkPage(DetailsViewModel vm) {
        page = new DevicePage<>(vm, "network", d -> d.network());
        edit.setId("editWired");
        edit.setOnAction(e -> editWired());
        profiles.setId("wifiProfiles");
        profiles.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        profiles.setPlaceholder(new Label("No wireless profiles"));
        profiles.setPrefHeight(110);
        profiles.getColumns().setAll(List.of(column("Profile", WifiProfile::name), column("SSID", WifiProfile::ssid),
                column("Priority", p -> String.valueOf(p.priority())),
                column("Security", p -> p.authentication() + ", " + p.encryption())));
    }

    public Tab tab() {
        // Wired on the left, wireless on the right: the page fits the details pane's usual height.
        GridPane content = new GridPane(32, 0);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        content.getColumnConstraints().setAll(half, half);
        content.addRow(0, new VBox(8, heading("Wired"), wired.node(), edit),
                new VBox(8, heading("Wireless"), wireless.node(), heading("Wireless profiles"), profiles));
        SectionView<NetworkSettings> section = new SectionView<>("network", "the network settings", page.load(),
                content, this::show);
        return page.tab("Network", Feather.GLOBE, "How AMT itself is reached, apart from the host OS: its wired "
                + "port, its Wi-Fi and the profiles it may join.", section.node());
    }

    private void show(NetworkSettings network) {
        shownWired = network.wired().orElse(null);
        edit.setDisable(shownWired == null);
        wired.show(network.wired().map(NetworkPage::wiredFacts).orElse(List.of(new Fact("Port", "None"))));
        List<Fact> air = new ArrayList<>(network.wireless().map(NetworkPage::portFacts)
                .orElse(List.of(new Fact("Port", "None"))));
        if (network.wireless().isPresent()) {
            air.add(new Fact("Wi-Fi in AMT", wifiState(network.wifiState())));
        }
        wireless.show(air);
        profiles.getItems().setAll(network.wifiProfiles());
    }

    private void editWired() {
        EthernetPort current = shownWired;
        if (current == null) {
            return;
        }
        WiredDialog.show(page.window(), current).ifPresent(settings ->
                page.change("Change the wired settings", d -> {
                    d.setWired(settings);
                    return "Wired port set to " + describe(settings) + ".";
                }));
    }

    private static String describe(WiredSettings s) {
        return switch (s.mode()) {
            case DHCP -> "DHCP";
            case HOST_SYNC -> "the host's static address";
            case STATIC -> "static " + s.ipAddress() + " / " + s.subnetMask();
        };
    }

    private static List<Fact> wiredFacts(EthernetPort port) {
        List<Fact> facts = new ArrayList<>(portFacts(port));
        facts.add(new Fact("Addressing", switch (WiredSettings.modeOf(port)) {
            case DHCP -> "DHCP";
            case HOST_SYNC -> "Static, shared with the host OS";
            case STATIC -> "Static, AMT's own";
        }));
        facts.add(new Fact("IP address", DetailsText.or(port.ipAddress())));
        facts.add(new Fact("Subnet mask", DetailsText.or(port.subnetMask())));
        facts.add(new Fact("Gateway", DetailsText.or(port.defaultGateway())));
        facts.add(new Fact("DNS servers", DetailsText.lines(List.of(port.primaryDns(), port.secondaryDns()).stream()
                .filter(s -> !s.isBlank()).toList())));
        facts.add(new Fact("Link kept up", port.linkPolicy().isEmpty() ? DetailsText.UNKNOWN
                : String.join(", ", port.linkPolicy().stream()
                        .map(p -> LINK_POLICIES.getOrDefault(p, "policy " + p)).toList())));
        return facts;
    }

    private static List<Fact> portFacts(EthernetPort port) {
        return List.of(new Fact("Link", port.linkUp() ? "Up" : "Down"),
                new Fact("MAC address", port.macAddress().isBlank() || port.macAddress().equals("00-00-00-00-00-00")
                        ? DetailsText.UNKNOWN : port.macAddress()));
    }

    /** CIM_WiFiPort.EnabledState as AMT uses it. */
    private static String wifiState(long state) {
        return switch ((int) state) {
            case 3 -> "Off";
            case 32768 -> "On while the host is on";
            case 32769 -> "On while the host is on or asleep on AC";
            default -> "Not reported";
        };
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static TableColumn<WifiProfile, String> column(String title, Function<WifiProfile, String> value) {
        TableColumn<WifiProfile, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return column;
    }
}
