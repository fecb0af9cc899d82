package dev.outband.app.ui.details.events;

import atlantafx.base.theme.Styles;
import dev.outband.app.ui.TextColumns;
import dev.outband.app.ui.details.ConfirmRemoval;
import dev.outband.app.ui.FormGrid;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.details.DevicePage;
import dev.outband.app.ui.details.EditDialog;
import dev.outband.app.ui.details.Load;
import dev.outband.app.ui.details.SectionView;
import dev.outband.wsman.amt.events.EventFilter;
import dev.outband.wsman.amt.events.EventSubscription;
import dev.outband.wsman.amt.events.EventSubscriptionService;
import dev.outband.wsman.amt.events.SubscriptionListing;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Who the device pushes its events to (WS-Eventing subscribers): list, subscribe an address, unsubscribe. */
public final class SubscriptionsPage {
    private final DevicePage<SubscriberView> page;
    private final Tab tab;
    private final TableView<EventSubscription> table = new TableView<>();

    /** The listing and the address this computer has toward the device, offered as the address to subscribe. */
    record SubscriberView(SubscriptionListing listing, String localAddress) {
    }

    /** The shown device's host, kept by the FX thread for the background read. */
    private volatile String host = "";

    public SubscriptionsPage(DetailsViewModel vm) {
        vm.device().subscribe(d -> host = d == null ? "" : d.host());
        page = new DevicePage<>(vm, "subscriptions",
                device -> new SubscriberView(device.subscriptions(), LocalAddress.toward(host)));
        table.setId("subscriptionTable");
        table.setPlaceholder(new Label("Nobody receives this device's events."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().setAll(List.of(
                TextColumns.of("Filter", 160, s -> new EventFilter(s.filterId(), s.filterId()).label()),
                TextColumns.narrow("Delivery", 120, EventSubscription::deliveryLabel),
                TextColumns.of("Address", 360, EventSubscription::destination),
                TextColumns.of("Listener", 200, EventSubscription::listenerName)));
        table.setPrefHeight(220);
        Button add = new Button("Subscribe…");
        add.setId("subscribe");
        Button remove = new Button("Unsubscribe…");
        remove.setId("unsubscribe");
        add.disableProperty().bind(page.ready().not());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(page.ready().not()));
        add.setOnAction(e -> subscribe());
        remove.setOnAction(e -> unsubscribe(table.getSelectionModel().getSelectedItem()));
        tab = page.tab("Subscriptions", Feather.BELL, "The device pushes the events a filter passes to each "
                + "subscriber's address (WS-Eventing, push with acknowledgement), e.g. a SIEM or a management server.",
                new SectionView<>("subscriptionsSection", "the event subscriptions", page.load(), table,
                        (SubscriberView v) -> table.getItems().setAll(v.listing().subscriptions())).node(), add, remove);
    }

    public Tab tab() {
        return tab;
    }

    private void subscribe() {
        if (!(page.load().get() instanceof Load.Ready<SubscriberView>(SubscriberView current))) {
            return;
        }
        ComboBox<EventFilter> filter = new ComboBox<>();
        filter.setId("subscriptionFilter");
        filter.getItems().setAll(current.listing().filters());
        if (!filter.getItems().isEmpty()) {
            filter.setValue(filter.getItems().getFirst());
        }
        TextField address = new TextField("http://" + current.localAddress() + ":8080/amt-events");
        address.setId("subscriptionAddress");
        address.setPrefColumnCount(36);
        Label hint = new Label("The address of this computer toward the device is filled in: change the port and "
                + "path to where your event receiver listens.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        FormGrid grid = new FormGrid();
        grid.add("Filter", filter, null);
        grid.add("Address", address, null);
        EditDialog dialog = new EditDialog(page.window(), "subscriptionDialog", "Subscribe to events", "Subscribe",
                new VBox(8, grid.node(), hint));
        dialog.validate(Bindings.createStringBinding(() -> {
            if (filter.getValue() == null) {
                return "The device offers no event filter.";
            }
            String problem = EventSubscriptionService.addressProblem(address.getText());
            if (problem != null) {
                return problem;
            }
            boolean taken = current.listing().subscriptions().stream().anyMatch(s ->
                    s.filterId().equals(filter.getValue().instanceId()) && s.destination().equals(address.getText().strip()));
            return taken ? "This address already receives this filter's events." : null;
        }, filter.valueProperty(), address.textProperty()));
        if (dialog.showAndWait()) {
            EventFilter chosen = filter.getValue();
            String to = address.getText().strip();
            page.change("Subscribe " + to, device -> {
                device.subscribe(chosen.instanceId(), to);
                return "The device now sends its \"" + chosen.label() + "\" events to " + to + ".";
            });
        }
    }

    private void unsubscribe(EventSubscription chosen) {
        if (chosen == null) {
            return;
        }
        if (ConfirmRemoval.confirmed(page.window(), "unsubscribeConfirm", "Unsubscribe",
                "Stop sending events to " + chosen.destination() + "?", null)) {
            page.change("Unsubscribe " + chosen.destination(), device -> {
                device.unsubscribe(chosen);
                return "The device no longer sends events to " + chosen.destination() + ".";
            });
        }
    }
}
