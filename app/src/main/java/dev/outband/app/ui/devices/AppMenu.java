package dev.outband.app.ui.devices;

import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The File menu: add, find on the network, a virtual lab, import, export, quit. */
final class AppMenu {
    private final MenuBar bar;

    AppMenu(Runnable add, Runnable find, Runnable virtualLab, Runnable importList, Runnable exportList,
            DeviceListViewModel vm) {
        MenuItem addItem = item("Add device…", Feather.PLUS, add);
        addItem.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        MenuItem findItem = item("Find devices…", Feather.SEARCH, find);
        findItem.setId("findDevicesMenu");
        MenuItem labItem = item("Add a virtual lab…", Feather.BOX, virtualLab);
        labItem.setId("virtualLabMenu");
        MenuItem importItem = item("Import…", Feather.DOWNLOAD, importList);
        importItem.setId("importMenu");
        MenuItem exportItem = item("Export…", Feather.UPLOAD, exportList);
        exportItem.setId("exportMenu");
        for (MenuItem needsStore : new MenuItem[] {addItem, findItem, labItem, importItem, exportItem}) {
            needsStore.disableProperty().bind(vm.ready().not());
        }
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, addItem, findItem, labItem, new SeparatorMenuItem(), importItem, exportItem,
                new SeparatorMenuItem(), quit);
        bar = new MenuBar(file);
    }

    MenuBar bar() {
        return bar;
    }

    private static MenuItem item(String text, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }
}
