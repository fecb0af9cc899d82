package dev.outband.app.ui.devices;

import dev.outband.app.store.Device;
import dev.outband.app.ui.TextColumns;
import dev.outband.app.ui.cira.CiraPresence;
import java.util.Comparator;
import java.util.Set;
import javafx.beans.binding.Bindings;
import java.util.stream.Collectors;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/** The virtualized device table: cells are built only for visible rows, straight from the records. */
final class DeviceTable {
    static final Comparator<Device> IN_ORDER = Comparator.comparing(Device::name)
            .thenComparing(d -> d.reach().id(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Device::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    private DeviceTable() {
    }

    static TableView<Device> create(DeviceListViewModel vm, CiraPresence presence) {
        TableView<Device> table = new TableView<>(vm.rows());
        table.setId("deviceTable");
        // The order is the table's sort, then the name, then the identity: never the order rows were replaced or
        // added in, so a save, a reload or a poll leaves every row where it was.
        vm.rows().comparatorProperty().bind(Bindings.createObjectBinding(() -> table.getComparator() == null
                ? IN_ORDER : table.getComparator().thenComparing(IN_ORDER), table.comparatorProperty()));
        table.setSortPolicy(t -> true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // A fixed row height lets the virtual flow skip measuring rows: smooth scrolling at 10,000 devices.
        table.setFixedCellSize(34);
        table.getColumns().add(TextColumns.of("Name", 200, Device::name));
        // Short texts that must read whole at 1024 px: Status, Reached by, AMT version and Last seen do not shrink
        // below them.
        // Polled columns (Status, Power, Last seen) follow each poll in their cells; the rows stay as they are.
        var status = TextColumns.live("Status", 100, (Device d) -> DeviceText.status(vm.online(d)), vm.fleetVersion());
        status.setMinWidth(100);
        status.setMaxWidth(140);
        table.getColumns().add(status);
        table.getColumns().add(TextColumns.of("Host", 180, Device::address));
        table.getColumns().add(TextColumns.of("Tags", 130, DeviceText::tags));
        var reached = TextColumns.of("Reached by", 190, (Device d) -> DeviceText.reach(d,
                DeviceListViewModel.remote(d) ? vm.remoteConnected(d) : presence.isConnected(d.reach().id())));
        reached.setMinWidth(140);
        table.getColumns().add(reached);
        // A device connecting or leaving redraws the visible rows only, never the 10,000 behind them.
        presence.version().addListener(o -> table.refresh());
        table.getColumns().add(TextColumns.live("Power", 100, d -> DeviceText.power(vm.state(d)), vm.fleetVersion()));
        var amt = TextColumns.live("AMT version", 110, (Device d) -> DeviceText.amtVersion(vm.state(d)), vm.fleetVersion());
        amt.setMinWidth(120);
        table.getColumns().add(amt);
        var seen = TextColumns.live("Last seen", 150, (Device d) -> DeviceText.lastSeen(vm.state(d)), vm.fleetVersion());
        seen.setMinWidth(140);
        table.getColumns().add(seen);
        return table;
    }

    /** The ids of the selected devices, to select them again once their rows were replaced. */
    static Set<Long> selectedIds(TableView<Device> table) {
        return table.getSelectionModel().getSelectedItems().stream().map(Device::id).collect(Collectors.toSet());
    }

    /**
     * Selects again the devices with these ids: a sorted list reports a replaced row as removed and
     * added, which drops the selection of a row that only got fresher data.
     */
    static void reselect(TableView<Device> table, Set<Long> ids) {
        for (int row = 0; row < table.getItems().size() && !ids.isEmpty(); row++) {
            if (ids.contains(table.getItems().get(row).id()) && !table.getSelectionModel().isSelected(row)) {
                table.getSelectionModel().select(row);
            }
        }
    }

    /** Selects only the device with this id, scrolling just far enough to show it (no-op when filtered out). */
    static void selectAndReveal(TableView<Device> table, long id) {
        for (int row = 0; row < table.getItems().size(); row++) {
            if (Long.valueOf(id).equals(table.getItems().get(row).id())) {
                table.getSelectionModel().clearAndSelect(row);
                // TableView.scrollTo would put the row at the top even when it is already on screen.
                if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                    flow.scrollTo(row);
                }
                return;
            }
        }
    }
}
