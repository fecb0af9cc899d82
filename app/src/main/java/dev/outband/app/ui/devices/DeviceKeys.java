package dev.outband.app.ui.devices;

import dev.outband.app.store.Device;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import java.util.stream.Collectors;

/**
 * The device list's keyboard and context menu: Delete deletes (after asking), Enter opens the KVM of the one
 * selected device (its details already show on selection), F5 refreshes, Ctrl+F goes to the search field and
 * Ctrl+A selects every listed device.
 */
final class DeviceKeys {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    record Actions(Runnable delete, Runnable kvm, Runnable refresh) {
    }

    private DeviceKeys() {
    }

    static void bind(Parent root, TableView<Device> table, TextField search, Actions actions) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                actions.refresh().run();
                e.consume();
            } else if (FIND.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            } else if (ALL.match(e) && !(root.getScene().getFocusOwner() instanceof TextInputControl)) {
                table.getSelectionModel().selectAll();
                table.requestFocus();
                e.consume();
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE) {
                actions.delete().run();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                actions.kvm().run();
                e.consume();
            }
        });
    }

    static ContextMenu contextMenu(TableView<Device> table, Actions actions, Consumer<Device> edit, Menu power) {
        MenuItem editItem = item("Edit…", "contextEdit", () -> edit.accept(table.getSelectionModel().getSelectedItem()));
        MenuItem delete = item("Delete…", "contextDelete", actions.delete());
        MenuItem kvm = item("KVM", "contextKvm", actions.kvm());
        MenuItem copyName = item("Copy name", "copyName", () -> copy(table, Device::name));
        MenuItem copyHost = item("Copy host", "copyHost", () -> copy(table, Device::host));
        ContextMenu menu = new ContextMenu(editItem, delete, new SeparatorMenuItem(), power, kvm,
                new SeparatorMenuItem(), copyName, copyHost);
        menu.setOnShowing(e -> {
            List<Device> selected = table.getSelectionModel().getSelectedItems();
            boolean remote = selected.stream().anyMatch(DeviceListViewModel::remote);
            editItem.setDisable(selected.size() != 1 || remote);
            delete.setDisable(selected.isEmpty() || remote);
            power.setDisable(selected.isEmpty());
            kvm.setDisable(selected.size() != 1);
            copyName.setDisable(selected.isEmpty());
            copyHost.setDisable(selected.isEmpty());
        });
        return menu;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** One line per selected device, so a list pastes into a ticket or a spreadsheet column. */
    private static void copy(TableView<Device> table, Function<Device, String> part) {
        ClipboardContent content = new ClipboardContent();
        content.putString(table.getSelectionModel().getSelectedItems().stream().map(part)
                .collect(Collectors.joining("\n")));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
