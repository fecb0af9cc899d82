package dev.outband.app.ui.devices;

import atlantafx.base.theme.Styles;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.cira.CiraPresence;
import dev.outband.app.ui.cira.LabListenerWindow;
import dev.outband.app.ui.discovery.FindDevicesViewModel;
import dev.outband.app.ui.discovery.FindDevicesWindow;
import dev.outband.app.fleet.FleetPoller;
import dev.outband.app.ui.edit.DeviceDialog;
import dev.outband.app.ui.edit.DeviceFormViewModel;
import dev.outband.app.ui.transfer.TransferActions;
import dev.outband.app.ui.virtuallab.VirtualLabDialog;
import dev.outband.app.virtuallab.VirtualLab;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.amt.DeviceReader;
import dev.outband.app.amt.StateRecorder;
import dev.outband.app.ui.details.DetailsSplit;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ider.BootMediaSession;
import dev.outband.app.ui.ider.BootMediaViewModel;
import dev.outband.app.ui.ider.BootMediaWindow;
import dev.outband.app.amt.KvmConsent;
import dev.outband.app.ui.kvm.ConsentDialog;
import dev.outband.app.ui.kvm.DeviceKvm;
import dev.outband.app.ui.kvm.DeviceSol;
import dev.outband.app.ui.lab.CertificatesViewModel;
import dev.outband.app.ui.lab.CertificatesWindow;
import dev.outband.app.ui.lab.LabMenu;
import dev.outband.app.ui.provisioning.ProvisioningViewModel;
import dev.outband.app.ui.provisioning.ProvisioningWindow;
import dev.outband.app.ui.trust.CertificateTrust;
import java.util.function.Supplier;
import javafx.stage.Window;
import dev.outband.app.ui.power.PowerMenu;
import dev.outband.app.ui.sources.SourcesViewModel;
import dev.outband.app.ui.sources.SourcesWindow;
import dev.outband.wsman.discovery.DiscoverySettings;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: menu, toolbar, device table beside the selected device's details, status bar. */
public final class DeviceListView {
    private final DeviceListViewModel vm;
    private final Settings settings;
    private final Background background;
    private final BorderPane root = new BorderPane();
    private final TableView<Device> table;
    private final TransferActions transfer;
    private final DeviceKvm deviceKvm;
    private final DeviceSol deviceSol;
    private final DeviceConnections connections;
    private final LabListenerWindow labListener;
    private final VirtualLab virtualLab;
    private final DetailsViewModel details;
    private FleetPoller poller;
    private PowerMenu powerMenu;
    private TextField search;
    private HBox filters;

    public DeviceListView(DeviceListViewModel vm, Settings settings, Background background) {
        this(vm, settings, background, new DeviceConnections(DeviceConnections.AMT_PORTS));
    }

    /** With the connections devices are reached through (tests point them at a simulator). */
    public DeviceListView(DeviceListViewModel vm, Settings settings, Background background,
                          DeviceConnections connections) {
        this(vm, settings, background, connections, null, new VirtualLab());
    }

    /** With the Lab listener window (null: no listener in this console, as in most tests). */
    public DeviceListView(DeviceListViewModel vm, Settings settings, Background background,
                          DeviceConnections connections, LabListenerWindow labListener, VirtualLab virtualLab) {
        this.connections = connections;
        this.virtualLab = virtualLab;
        this.labListener = labListener;
        this.vm = vm;
        this.settings = settings;
        this.background = background;
        this.table = DeviceTable.create(vm, labListener == null ? new CiraPresence() : labListener.viewModel().presence());
        this.transfer = new TransferActions(root, background, vm);
        Supplier<Window> window = () -> root.getScene().getWindow();
        var trust = new CertificateTrust(background, vm::repository, window, this::reloadKeepingSelection);
        this.deviceKvm = new DeviceKvm(background, connections, trust, window,
                () -> new PowerRun(connections, vm.repository(), Clock.systemUTC()));
        this.deviceSol = new DeviceSol(background, connections, trust, window,
                () -> new PowerRun(connections, vm.repository(), Clock.systemUTC()));
        var findDevices = new FindDevicesWindow(new FindDevicesViewModel(background, vm::repository, vm::showAdded,
                DiscoverySettings.defaults(), Platform::runLater));
        MenuBar menus = new AppMenu(this::add, () -> findDevices.show(window.get()), this::addVirtualLab,
                transfer::importList, transfer::exportList, vm).bar();
        menus.getMenus().add(OptionsMenu.create(settings, background, window, vm::store, this::pollNow));
        root.setTop(new VBox(menus, topBar()));
        this.details = new DetailsViewModel(background,
                d -> DeviceReader.open(connections, StateRecorder.into(vm.repository(),
                        renamed -> Platform.runLater(() -> showRenamed(renamed))), Clock.systemUTC(), d), vm::showState,
                trust::offer, (d, user, password) -> vm.repository().update(
                        d.withCredentials(user, vm.repository().seal(password))));
        root.setCenter(DetailsSplit.create(table, table.getSelectionModel().getSelectedItems(), details, settings,
                background));
        root.setBottom(statusBar());
        placeholders();
        pollOnceShown();
        var keys = new DeviceKeys.Actions(this::deleteSelected, this::openKvm, this::refresh);
        DeviceKeys.bind(root, table, search, keys);
        table.setContextMenu(DeviceKeys.contextMenu(table, keys, this::edit, powerMenu.submenu(window)));
        table.setRowFactory(t -> {
            var row = new TableRow<Device>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && !DeviceListViewModel.remote(row.getItem())) {
                    edit(row.getItem());
                }
            });
            return row;
        });
    }

    /**
     * Polls the fleet from the first time the store's devices are listed until the window closes; the poller's
     * results reach the table's cells on the FX thread.
     */
    private void pollOnceShown() {
        vm.loaded().addListener((o, was, loaded) -> {
            if (loaded && poller == null) {
                poller = new FleetPoller(vm.repository(), connections, settings::fleet, Clock.systemUTC(),
                        statuses -> Platform.runLater(() -> {
                            vm.showFleet(statuses);
                            // Remote devices are never asked over WS-Man: their sources' listings say whether
                            // they are connected, asked again with each poll (its period, Refresh).
                            vm.refreshRemote();
                        }));
                poller.start();
            }
        });
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty)
                .addListener((o, was, showing) -> {
                    if (!Boolean.TRUE.equals(showing) && poller != null) {
                        poller.close();
                    }
                });
    }

    /** Enter and the context menu open the remote screen of the one selected device. */
    private void openKvm() {
        if (table.getSelectionModel().getSelectedItems().size() == 1) {
            deviceKvm.open(table.getSelectionModel().getSelectedItem());
        }
    }

    private void pollNow() {
        if (poller != null) {
            poller.pollNow();
        }
    }

    public Parent root() {
        return root;
    }

    private void openBootMedia(Device device) {
        var vm = new BootMediaViewModel(device, background,
                (d, image, listener) -> BootMediaSession.attach(connections, d, image, listener),
                d -> KvmConsent.forAllRedirection(connections.device(d)),
                problem -> ConsentDialog.ask(root.getScene().getWindow(), device.name(), "boot media", problem),
                Platform::runLater);
        new BootMediaWindow(vm).show(root.getScene().getWindow());
    }

    /**
     * The actions' toolbar beside the search and tag filter, which are never put in its overflow menu; in a
     * window too narrow for both the actions show their icons only (their names in tooltips).
     */
    private Node topBar() {
        ToolBar actions = toolbar();
        HBox.setHgrow(actions, Priority.ALWAYS);
        actions.setMinWidth(0);
        actions.setStyle("-fx-background-color: transparent; -fx-border-width: 0; -fx-padding: 0;");
        HBox top = new HBox(8, actions, filters);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setId("topBar");
        // A toolbar's look (the theme's colours) without its style class: "tool-bar" belongs to ToolBar nodes,
        // and code that looks toolbars up by it (the KVM window's own, tests) must not get this HBox.
        top.setStyle("-fx-background-color: -color-border-muted, -color-bg-subtle; -fx-background-insets: 0, 0 0 1px 0;"
                + " -fx-padding: 4px 0.3em 4px 0.3em;");
        // Measured on the toolbar's own width, which the bar sets once the actions have their skins (also when the
        // window opens at its final size, when the window's width may change before they can be measured); the
        // labels shown or not do not change that width, so this settles at once.
        actions.widthProperty().addListener((o, was, width) -> {
            showLabels(actions, ContentDisplay.LEFT);
            if (actions.prefWidth(-1) > width.doubleValue()) {
                showLabels(actions, ContentDisplay.GRAPHIC_ONLY);
            }
        });
        return top;
    }

    private static void showLabels(ToolBar actions, ContentDisplay display) {
        for (Node item : actions.getItems()) {
            if (item instanceof Labeled labeled) {
                labeled.setContentDisplay(display);
                if (labeled.getTooltip() == null) {
                    labeled.setTooltip(new Tooltip(labeled.getText()));
                }
            }
        }
    }

    private ToolBar toolbar() {
        var noSelection = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        Button add = button("Add", Feather.PLUS, "addDevice", this::add);
        add.disableProperty().bind(vm.ready().not());
        // A remote source's devices are kept, edited and removed at the source.
        var remoteSelected = Bindings.createBooleanBinding(() -> table.getSelectionModel().getSelectedItems().stream()
                .anyMatch(DeviceListViewModel::remote), table.getSelectionModel().getSelectedItems());
        Button edit = button("Edit", Feather.EDIT_2, "editDevice", () -> edit(table.getSelectionModel().getSelectedItem()));
        edit.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1)
                .or(remoteSelected));
        Button delete = button("Delete", Feather.TRASH_2, "deleteDevice", this::deleteSelected);
        delete.disableProperty().bind(noSelection.or(remoteSelected));

        powerMenu = new PowerMenu(connections, vm, background,
                () -> table.getSelectionModel().getSelectedItems(), this::afterDeviceJob);
        MenuButton power = powerMenu.create(noSelection);
        Button kvm = button("KVM", Feather.MONITOR, "kvm", () -> deviceKvm.open(table.getSelectionModel().getSelectedItem()));
        kvm.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        kvm.setTooltip(new Tooltip("Remote screen of the selected device"));
        Button serial = button("Serial", Feather.TERMINAL, "serialConsole",
                () -> deviceSol.open(table.getSelectionModel().getSelectedItem()));
        serial.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        serial.setTooltip(new Tooltip("Serial console (Serial-over-LAN) of the selected device"));
        Button bootMedia = button("Boot media…", Feather.DISC, "bootMedia", () -> openBootMedia(
                table.getSelectionModel().getSelectedItem()));
        bootMedia.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        bootMedia.setTooltip(new Tooltip("Mount an ISO or disk image as the device's IDE-R drive and boot from it"));
        MenuButton lab = new LabMenu(connections, vm, () -> table.getSelectionModel().getSelectedItems(),
                new CertificatesWindow(new CertificatesViewModel(background, vm::labAuthority, Clock.systemUTC())),
                new ProvisioningWindow(new ProvisioningViewModel(background, vm::store, connections)),
                () -> root.getScene().getWindow(), this::afterDeviceJob).create(noSelection);
        lab.setTooltip(new Tooltip("Lab certificate authority; TLS and call home for the selected devices"));
        Button refresh = button("Refresh", Feather.REFRESH_CW, "refresh", this::refresh);
        refresh.setTooltip(new Tooltip("Read the list again and poll every device now (F5)"));
        refresh.disableProperty().bind(vm.ready().not());

        search = new TextField();
        search.setId("search");
        search.setPromptText("Search name, host, tag");
        search.setTooltip(new Tooltip("Search name, host and tags (Ctrl+F)"));
        search.setPrefColumnCount(14);
        search.textProperty().bindBidirectional(vm.search());
        HBox searchBox = new HBox(6, new FontIcon(Feather.SEARCH), search);
        searchBox.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> tags = new ComboBox<>(vm.tagChoices());
        tags.setId("tagFilter");
        tags.valueProperty().bindBidirectional(vm.tag());
        tags.setTooltip(new Tooltip("Show only devices with this tag"));

        ToggleButton dark = new ToggleButton(null, new FontIcon(Feather.MOON));
        dark.setId("darkTheme");
        dark.getStyleClass().add(Styles.BUTTON_ICON);
        dark.setTooltip(new Tooltip("Dark theme"));
        dark.setSelected(settings.theme() == Theme.DARK);
        dark.selectedProperty().addListener((o, was, on) -> switchTheme(on ? Theme.DARK : Theme.LIGHT));

        ToolBar bar = new ToolBar(add, edit, delete, new Separator(Orientation.VERTICAL), power, kvm, serial,
                bootMedia, lab, refresh);
        filters = new HBox(8, searchBox, new FontIcon(Feather.TAG), tags, new Separator(Orientation.VERTICAL), dark);
        filters.setAlignment(Pos.CENTER_RIGHT);
        filters.setMinWidth(Region.USE_PREF_SIZE);
        if (labListener != null) {
            Button listener = button("Lab listener", Feather.RADIO, "labListener",
                    () -> labListener.show(root.getScene().getWindow()));
            listener.setTooltip(new Tooltip("Local CIRA listener: devices that call in over CIRA"));
            bar.getItems().add(bar.getItems().indexOf(refresh) + 1, listener);
        }
        if (vm.remoteSources() != null) {
            var window = new SourcesWindow(new SourcesViewModel(background, () -> vm.store().sources(),
                    vm.remoteSources(), vm::refreshRemote));
            Button sources = button("Sources", Feather.CLOUD, "sources", () -> window.show(root.getScene().getWindow()));
            sources.disableProperty().bind(vm.ready().not());
            sources.setTooltip(new Tooltip("Remote MPS / DMT Console servers whose devices are listed here"));
            bar.getItems().add(bar.getItems().indexOf(refresh) + 1, sources);
        }
        return bar;
    }

    private Node statusBar() {
        Label count = new Label();
        count.setId("deviceCount");
        count.textProperty().bind(vm.countText());
        Label path = new Label();
        path.setId("storePath");
        path.getStyleClass().add(Styles.TEXT_MUTED);
        path.textProperty().bind(Bindings.concat("Store: ", vm.storePath()));
        Label sourceProblems = new Label();
        sourceProblems.setId("sourceProblems");
        sourceProblems.getStyleClass().add(Styles.DANGER);
        sourceProblems.textProperty().bind(Bindings.createStringBinding(
                () -> vm.sourceProblems().get().lines().findFirst().orElse("")
                        + (vm.sourceProblems().get().lines().count() > 1 ? " (and more: see Sources)" : ""),
                vm.sourceProblems()));
        Tooltip full = new Tooltip();
        full.textProperty().bind(vm.sourceProblems());
        sourceProblems.setTooltip(full);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label fleet = new Label();
        fleet.setId("fleetSummary");
        fleet.textProperty().bind(vm.fleetSummary());
        fleet.setTooltip(new Tooltip("What the last poll of every device found (Options ▸ Poll devices every;"
                + " Refresh or F5 polls now)"));
        HBox bar = new HBox(12, count, fleet, sourceProblems, spacer, path);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        bar.setStyle("-fx-border-color: -color-border-default transparent transparent transparent;");
        return bar;
    }

    private void placeholders() {
        Node empty = EmptyStorePlaceholder.forEmptyStore(this::add, transfer::importList, this::addVirtualLab);
        Node noMatch = EmptyStorePlaceholder.forNoMatch();
        Node loading = EmptyStorePlaceholder.forLoading();
        table.placeholderProperty().bind(Bindings.createObjectBinding(
                () -> !vm.loaded().get() ? loading : vm.all().isEmpty() ? empty : noMatch, vm.loaded(), vm.all()));
    }

    /** A CIRA device took the host name it reported: the row shows it, still selected. */
    private void showRenamed(Device renamed) {
        Set<Long> selected = DeviceTable.selectedIds(table);
        vm.showRenamed(renamed);
        DeviceTable.reselect(table, selected);
    }

    /**
     * A saved device is selected and shown: the table drops a replaced row's selection (or moves it
     * to a neighbour), and a new device is what the user wants to look at next.
     */
    private void selectSaved(Device saved) {
        DeviceTable.selectAndReveal(table, saved.id());
    }

    /** Rereads the store and asks every device again, also those the poller backs off from. */
    private void refresh() {
        reloadKeepingSelection();
        pollNow();
    }

    private void reloadKeepingSelection() {
        Set<Long> selected = DeviceTable.selectedIds(table);
        vm.reload(n -> DeviceTable.reselect(table, selected));
    }

    /** A power action or lab job changed devices: the list and the details (power state, event log) are read again. */
    private void afterDeviceJob() {
        reloadKeepingSelection();
        details.refresh();
    }

    private void add() {
        if (!vm.ready().get()) {
            return;
        }
        var form = new DeviceFormViewModel(null, name -> vm.nameTaken(name, null));
        DeviceDialog.show(root.getScene().getWindow(), form)
                .ifPresent(draft -> vm.save(draft, null, this::selectSaved));
    }

    /** Starts simulated devices in this console and shows them, the first selected. */
    private void addVirtualLab() {
        if (!vm.ready().get()) {
            return;
        }
        VirtualLabDialog.ask(root.getScene().getWindow(), virtualLab.addresses()).ifPresent(request ->
                background.run("Starting a virtual lab", () -> virtualLab.start(vm.repository(),
                        request.firstAddress(), request.count()), started -> vm.reload(
                        n -> DeviceTable.selectAndReveal(table, started.getFirst().id()))));
    }

    private void edit(Device device) {
        if (device == null) {
            return;
        }
        var form = new DeviceFormViewModel(device, name -> vm.nameTaken(name, device));
        DeviceDialog.show(root.getScene().getWindow(), form)
                .ifPresent(draft -> vm.save(draft, device, this::selectSaved));
    }

    private void deleteSelected() {
        List<Device> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty() || selected.stream().anyMatch(DeviceListViewModel::remote)) {
            return;
        }
        String what = selected.size() == 1 ? "device '" + selected.getFirst().name() + "'" : selected.size() + " devices";
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + what + " from the store?", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setHeaderText("Delete " + what);
        // Delete is one key away: Enter on the question keeps the devices.
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(selected));
    }

    private void switchTheme(Theme theme) {
        theme.apply();
        settings.setTheme(theme);
        background.run("Saving settings", settings::save, s -> { });
    }

    private static Button button(String text, Feather icon, String id, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
