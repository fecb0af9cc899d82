package dev.outband.app.ui.devices;

import atlantafx.base.theme.Styles;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.cira.CiraPresence;
import dev.outband.app.ui.cira.LabListenerWindow;
import dev.outband.app.ui.discovery.FindDevicesViewModel;
import dev.outband.app.ui.discovery.FindDevicesWindow;
import dev.outband.app.ui.edit.DeviceDialog;
import dev.outband.app.ui.edit.DeviceFormViewModel;
import dev.outband.app.ui.transfer.TransferActions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.amt.DeviceReader;
import dev.outband.app.ui.details.DetailsSplit;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.kvm.DeviceKvm;
import dev.outband.app.ui.kvm.DeviceSol;
import dev.outband.app.ui.lab.CertificatesViewModel;
import dev.outband.app.ui.lab.CertificatesWindow;
import dev.outband.app.ui.lab.LabMenu;
import dev.outband.app.ui.trust.CertificateTrust;
import java.util.function.Supplier;
import javafx.stage.Window;
import dev.outband.app.ui.power.PowerMenu;
import dev.outband.app.ui.sources.SourcesViewModel;
import dev.outband.app.ui.sources.SourcesWindow;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import dev.outband.wsman.discovery.DiscoverySettings;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.util.Duration;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
    private static final Duration REMOTE_REFRESH = Duration.minutes(1);

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
    private final DetailsViewModel details;

    public DeviceListView(DeviceListViewModel vm, Settings settings, Background background) {
        this(vm, settings, background, new DeviceConnections(DeviceConnections.AMT_PORTS));
    }

    /** With the connections devices are reached through (tests point them at a simulator). */
    public DeviceListView(DeviceListViewModel vm, Settings settings, Background background,
                          DeviceConnections connections) {
        this(vm, settings, background, connections, null);
    }

    /** With the Lab listener window (null: no listener in this console, as in most tests). */
    public DeviceListView(DeviceListViewModel vm, Settings settings, Background background,
                          DeviceConnections connections, LabListenerWindow labListener) {
        this.connections = connections;
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
        this.deviceSol = new DeviceSol(connections, trust,
                () -> new PowerRun(connections, vm.repository(), Clock.systemUTC()));
        var findDevices = new FindDevicesWindow(new FindDevicesViewModel(background, vm::repository, vm::showAdded,
                DiscoverySettings.defaults(), Platform::runLater));
        MenuBar menus = new AppMenu(this::add, () -> findDevices.show(window.get()), transfer::importList,
                transfer::exportList, vm).bar();
        menus.getMenus().add(OptionsMenu.create(settings, background, window, vm::store));
        root.setTop(new VBox(menus, toolbar()));
        this.details = new DetailsViewModel(background,
                d -> DeviceReader.open(connections, vm.repository(), Clock.systemUTC(), d), this::showState,
                trust::offer);
        root.setCenter(DetailsSplit.create(table, table.getSelectionModel().getSelectedItems(), details, settings,
                background));
        root.setBottom(statusBar());
        placeholders();
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

    public Parent root() {
        return root;
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

        MenuButton power = new PowerMenu(connections, vm, background,
                () -> table.getSelectionModel().getSelectedItems(), this::afterDeviceJob).create(noSelection);
        Button kvm = button("KVM", Feather.MONITOR, "kvm", () -> deviceKvm.open(table.getSelectionModel().getSelectedItem()));
        kvm.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        kvm.setTooltip(new Tooltip("Remote screen of the selected device"));
        Button serial = button("Serial", Feather.TERMINAL, "serialConsole",
                () -> deviceSol.open(table.getSelectionModel().getSelectedItem()));
        serial.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        serial.setTooltip(new Tooltip("Serial console (Serial-over-LAN) of the selected device"));
        MenuButton lab = new LabMenu(connections, vm, () -> table.getSelectionModel().getSelectedItems(),
                new CertificatesWindow(new CertificatesViewModel(background, vm::labAuthority, Clock.systemUTC())),
                () -> root.getScene().getWindow(), this::afterDeviceJob).create(noSelection);
        lab.setTooltip(new Tooltip("Lab certificate authority; TLS and call home for the selected devices"));
        Button refresh = button("Refresh", Feather.REFRESH_CW, "refresh", this::reloadKeepingSelection);
        refresh.disableProperty().bind(vm.ready().not());

        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("Search name, host, tag");
        search.setPrefColumnCount(18);
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

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(add, edit, delete, new Separator(Orientation.VERTICAL), power, kvm, serial, lab, refresh, spacer,
                searchBox, new FontIcon(Feather.TAG), tags, new Separator(Orientation.VERTICAL), dark);
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
            // Remote devices connect and leave on their own: their rows are asked for again every minute.
            Timeline poll = new Timeline(new KeyFrame(REMOTE_REFRESH, e -> {
                if (vm.ready().get()) {
                    vm.refreshRemote();
                }
            }));
            poll.setCycleCount(Animation.INDEFINITE);
            poll.play();
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
        HBox bar = new HBox(12, count, sourceProblems, spacer, path);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        bar.setStyle("-fx-border-color: -color-border-default transparent transparent transparent;");
        return bar;
    }

    private void placeholders() {
        Node empty = EmptyStorePlaceholder.forEmptyStore(this::add, transfer::importList);
        Node noMatch = EmptyStorePlaceholder.forNoMatch();
        Node loading = EmptyStorePlaceholder.forLoading();
        table.placeholderProperty().bind(Bindings.createObjectBinding(
                () -> !vm.loaded().get() ? loading : vm.all().isEmpty() ? empty : noMatch, vm.loaded(), vm.all()));
    }

    /** The list shows what the details just read, and the device stays selected. */
    private void showState(long id, DeviceState learned) {
        Set<Long> selected = DeviceTable.selectedIds(table);
        vm.showState(id, learned);
        DeviceTable.reselect(table, selected);
    }

    /**
     * A saved device is selected and shown: the table drops a replaced row's selection (or moves it
     * to a neighbour), and a new device is what the user wants to look at next.
     */
    private void selectSaved(Device saved) {
        DeviceTable.selectAndReveal(table, saved.id());
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
        if (selected.isEmpty()) {
            return;
        }
        String what = selected.size() == 1 ? "device '" + selected.getFirst().name() + "'" : selected.size() + " devices";
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + what + " from the store?", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setHeaderText("Delete " + what);
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
