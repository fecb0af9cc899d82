package dev.outband.app.ui;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.devices.DeviceListView;
import dev.outband.app.ui.devices.DeviceListViewModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The console's main window on a real store and stage, devices reached through the given connections. */
public final class ConsoleFixture implements AutoCloseable {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ConsoleFixture() {
    }

    /** Call from a TestFX {@code @Start} method; the store's devices load as the console loads them. */
    public static ConsoleFixture show(Stage stage, DeviceStore store, DeviceConnections connections) {
        return show(stage, store, connections, 1280, 800);
    }

    /** As {@link #show(Stage, DeviceStore, DeviceConnections)} in a window opened at this size. */
    public static ConsoleFixture show(Stage stage, DeviceStore store, DeviceConnections connections, double width,
                                      double height) {
        ConsoleFixture console = new ConsoleFixture();
        var background = new Background(console.executor, new ErrorPresenter(stage, false));
        var vm = new DeviceListViewModel(background);
        var view = new DeviceListView(vm, Settings.load(store.folder()), background, connections);
        Theme.LIGHT.apply();
        stage.setScene(new Scene(view.root(), width, height));
        stage.show();
        vm.attach(store);
        vm.reload(n -> { });
        return console;
    }

    /** The texts of the labels under {@code query}, read on the FX thread, where panes fill row by row. */
    public static List<String> labelsIn(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node node = robot.lookup(query).query();
                return robot.from(node).lookup(".label").queryAllAs(Label.class).stream()
                        .map(Label::getText).toList();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + query, e);
        }
    }

    /** Whether the node under {@code query} is on screen: it and every pane above it visible, read on the FX thread. */
    public static boolean shown(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
                    if (!n.isVisible()) {
                        return false;
                    }
                }
                return true;
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + query, e);
        }
    }

    /** Presses the button with this text in a window now showing (a closed dialog's may linger in lookups). */
    public static void pressShowing(FxRobot robot, String text) {
        Button button = robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.getScene().getWindow().isShowing())
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + text + "' on screen"));
        robot.interact(button::fire);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
