package dev.outband.app.ui;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.devices.DeviceListView;
import dev.outband.app.ui.devices.DeviceListViewModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The console's main window on a real store and stage, devices reached through the given connections. */
public final class ConsoleFixture implements AutoCloseable {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ConsoleFixture() {
    }

    /** Call from a TestFX {@code @Start} method; the store's devices load as the console loads them. */
    public static ConsoleFixture show(Stage stage, DeviceStore store, DeviceConnections connections) {
        ConsoleFixture console = new ConsoleFixture();
        var background = new Background(console.executor, new ErrorPresenter(stage, false));
        var vm = new DeviceListViewModel(background);
        var view = new DeviceListView(vm, Settings.load(store.folder()), background, connections);
        Theme.LIGHT.apply();
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
        vm.attach(store);
        vm.reload(n -> { });
        return console;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
