package dev.outband.app;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.cira.LabListener;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cli.DoorSettings;
import dev.outband.app.cli.OwnerDoor;
import dev.outband.app.instance.ConsoleInstance;
import dev.outband.app.virtuallab.VirtualLab;
import dev.outband.app.remote.RemoteSettings;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.store.DataFolder;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.RemoteSource;
import dev.outband.app.store.StoreException;
import dev.outband.app.store.WrongMasterPasswordException;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.MasterPasswordPrompt;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.StageIcons;
import dev.outband.app.ui.devices.DeviceListView;
import dev.outband.app.ui.cira.LabListenerViewModel;
import dev.outband.app.ui.cira.LabListenerWindow;
import dev.outband.app.ui.devices.DeviceListViewModel;
import dev.outband.cira.listener.ListenerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The console window: shown at once, the store opened and the devices loaded in the background. */
public final class OutbandApp extends Application {
    /** This process's claim on the data folder, handed over by {@link Main}; null when a test starts the app alone. */
    private static volatile ConsoleInstance instance;
    private Path folder;
    private Settings settings;
    private List<Image> icons;
    private volatile DeviceStore store;
    private final AtomicBoolean shutDown = new AtomicBoolean();
    private CompletableFuture<DeviceStore> earlyOpen;
    private LabListener labListener;
    private LabListenerViewModel labViewModel;
    private volatile OwnerDoor commandDoor;
    /** Simulated devices the technician started from File ▸ Add a virtual lab; they stop with the console. */
    private final VirtualLab virtualLab = new VirtualLab();

    static void useInstance(ConsoleInstance claimed) {
        instance = claimed;
    }

    @Override
    public void init() {
        // Runs on the launcher thread, so these small file reads stay off the FX thread.
        folder = DataFolder.resolve();
        settings = Settings.load(folder);
        // Old firmware calls in with TLS 1.0/1.1 too: the listener follows the console's legacy TLS option.
        labListener = new LabListener(ListenerSettings.defaults().withLegacyTls(settings.legacyTls()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "outband-shutdown"));
        icons = StageIcons.load();
        if (!DeviceStore.isProtected(folder)) {
            // Flyway and H2 start while the toolkit starts: the window and its devices appear sooner.
            earlyOpen = CompletableFuture.supplyAsync(this::openUnprotected,
                    work -> Thread.ofVirtual().name("store-open").start(work));
        }
    }

    private DeviceStore openUnprotected() {
        try {
            return DeviceStore.open(folder, () -> null, MasterPasswordPrompt.CONSOLE);
        } catch (IOException | WrongMasterPasswordException e) {
            throw new CompletionException(e);
        }
    }

    private DeviceStore openStore(MasterPasswordPrompt prompt) throws Exception {
        if (earlyOpen == null) {
            return prompt.open(folder);
        }
        try {
            return earlyOpen.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void start(Stage stage) {
        boolean smoke = getParameters().getRaw().contains("--smoke");
        var errors = new ErrorPresenter(stage, smoke);
        var background = new Background(Executors.newVirtualThreadPerTaskExecutor(), errors);
        var viewModel = new DeviceListViewModel(background);
        labViewModel = new LabListenerViewModel(labListener, background, settings);
        labViewModel.onDevicesAdded(viewModel::showAdded);
        // Remote sources are read from the store when a device of theirs is opened (off the FX thread).
        var remoteSources = new RemoteSources(this::storedSources, LabAuthority.trustedRoots(folder),
                RemoteSettings.defaults(), Clock.systemUTC());
        var connections = new DeviceConnections(DeviceConnections.AMT_PORTS, labListener)
                .trusting(LabAuthority.trustedRoots(folder)).serving(remoteSources);
        viewModel.serving(remoteSources);
        labViewModel.serveApiWith(connections);
        var view = new DeviceListView(viewModel, settings, background, connections,
                new LabListenerWindow(labViewModel), virtualLab);
        settings.theme().apply();

        stage.setTitle("Outband");
        stage.getIcons().setAll(icons);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.setOnShown(e -> {
            if (smoke) {
                System.out.printf("main window shown in %d ms%n", sinceStart().toMillis());
            }
        });
        stage.show();
        openDoor(stage, errors);

        var prompt = new MasterPasswordPrompt(stage);
        background.run("Opening the device store", () -> withCommandDoor(openStore(prompt), errors), opened -> {
            store = opened;
            viewModel.attach(opened);
            labViewModel.attach(opened);
            viewModel.reload(count -> {
                if (smoke) {
                    System.out.printf("%d devices loaded in %d ms%n", count, sinceStart().toMillis());
                    Platform.exit();
                }
            });
        });
    }

    /** Lets a second start bring this window to the front instead of opening an empty one. */
    private void openDoor(Stage stage, ErrorPresenter errors) {
        ConsoleInstance claimed = instance;
        if (claimed == null) {
            return;
        }
        try {
            claimed.serve(() -> Platform.runLater(() -> {
                stage.setIconified(false);
                stage.show();
                stage.toFront();
                stage.requestFocus();
            }));
        } catch (IOException e) {
            errors.show("A second start cannot reach this console", e);
        }
    }

    /** Lets commands started beside the console reach devices through it (its store, its CIRA tunnels). */
    private DeviceStore withCommandDoor(DeviceStore opened, ErrorPresenter errors) {
        try {
            commandDoor = OwnerDoor.open(opened, labListener, System.getenv(), DoorSettings.defaults());
        } catch (IOException e) {
            Platform.runLater(() -> errors.show("Commands beside the console cannot reach it", e));
        }
        return opened;
    }

    /** The store's remote sources; none until the store is open, nor once the console is closing it. */
    private List<RemoteSource> storedSources() {
        DeviceStore opened = store;
        if (opened == null || shutDown.get()) {
            return List.of();
        }
        try {
            return opened.sources().findAll();
        } catch (StoreException e) {
            // A background listing that raced the console's close has nothing left to list.
            if (shutDown.get()) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public void stop() {
        shutDown();
    }

    /** Once, from stop() or from the JVM's shutdown (SIGTERM, Ctrl-C, logout), which skip stop(). */
    private void shutDown() {
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        // Devices are told the listener stopped before the store they are recorded in closes.
        if (labViewModel != null) {
            labViewModel.closeApi();
        }
        closeCommandDoor();
        virtualLab.close();
        labListener.close();
        DeviceStore opened = store;
        if (opened != null) {
            // Closing writes the store's last changes to its file; a killed console would lose them.
            opened.close();
        }
        // Last, so that a start meanwhile finds this console rather than a store still closing.
        closeInstance();
    }

    private void closeCommandDoor() {
        OwnerDoor door = commandDoor;
        if (door != null) {
            try {
                door.close();
            } catch (IOException e) {
                // Its file names a port nobody answers on: the next command opens the store itself.
            }
        }
    }

    private static void closeInstance() {
        ConsoleInstance claimed = instance;
        if (claimed != null) {
            try {
                claimed.close();
            } catch (IOException e) {
                // The OS lets go of the lock when the process ends anyway.
            }
        }
    }

    /** From JVM start when the OS tells us, else from class loading of this app. */
    private static Duration sinceStart() {
        Instant start = ProcessHandle.current().info().startInstant().orElse(LOADED);
        return Duration.between(start, Instant.now());
    }

    private static final Instant LOADED = Instant.now();
}
