package dev.outband.app.ui.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.fx.KvmAction;
import dev.outband.kvm.fx.KvmWindow;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.SessionState;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The KVM window on the simulator's AMT redirection over a real socket: colours, letterbox, disconnect, actions. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KvmWindowTest {
    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-kvm", "admin", "Sim-Passw0rd")
            .withOptInRequired(0));
    private DevicePorts ports;
    private RfbSession session;
    private KvmWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        session = AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", ports.kvmPort(),
                new AmtCredentials("admin", "Sim-Passw0rd".toCharArray()), AmtColourMode.AUTO, false,
                Duration.ofSeconds(10));
        session.start();
        window = new KvmWindow(session, "sim-kvm — Outband KVM", () -> null);
        window.show();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> window.stage().hide());
        ports.close();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<PixelFormat> colours(FxRobot robot) {
        return robot.lookup(".combo-box").queryAs(ComboBox.class);
    }

    @Test
    void everyEntryUnderColoursKeepsTheAmtSessionReceivingFramesAndTheBoxShowsTheModeInUse(FxRobot robot)
            throws Exception {
        ComboBox<PixelFormat> box = colours(robot);
        assertThat(box.getValue()).as("the mode in use").isEqualTo(PixelFormat.RGB565);
        List<PixelFormat> entries = new ArrayList<>(box.getItems());
        assertThat(entries).isNotEmpty();
        for (PixelFormat entry : entries) {
            long before = session.updatesReceived();
            robot.clickOn(box);
            ListCell<?> cell = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                    .filter(c -> entry.label().equals(c.getText()) && c.getScene().getWindow().isShowing())
                    .findFirst().orElseThrow(() -> new AssertionError("no entry " + entry.label()));
            robot.clickOn(cell);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.state().isOver()
                    || entry.equals(session.pixelFormat()) && session.updatesReceived() > before + 1);
            assertThat(session.state()).as(entry.label() + ": " + session.reason()).isEqualTo(SessionState.RUNNING);
            assertThat(session.pixelFormat()).isEqualTo(entry);
            assertThat(box.getValue()).isEqualTo(entry);
        }
    }

    @Test
    void theLetterboxAroundTheScaledScreenIsBlack(FxRobot robot) throws Exception {
        robot.interact(() -> window.stage().setWidth(1400));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().getRoot().snapshot(null, null))
                .get(10, TimeUnit.SECONDS);
        var view = window.view();
        double x = view.localToScene(0, 0).getX() + 3;
        double y = view.localToScene(0, 0).getY() + view.getHeight() / 2;
        assertThat(shot.getPixelReader().getArgb((int) x, (int) y)).as("left of the remote screen")
                .isEqualTo(0xFF000000);
    }

    @Test
    void disconnectEndsTheSessionAndOffersReconnect(FxRobot robot) throws Exception {
        robot.clickOn("#kvmDisconnect");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.state() == SessionState.CLOSED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#kvmReconnect").query().isVisible());
        assertThat(robot.lookup("#kvmState").queryLabeled().getText()).isEqualTo("closed by the user");
    }

    @Test
    void theApplicationsActionsAreListedInTheToolbarAndRunOnTheFxThread(FxRobot robot) throws Exception {
        List<String> ran = new ArrayList<>();
        robot.interact(() -> window.setActions("Power", List.of(new KvmAction("Reset", () -> ran.add("Reset")))));
        MenuButton menu = robot.lookup("#kvmActions").queryAs(MenuButton.class);
        assertThat(menu.getText()).isEqualTo("Power");
        robot.interact(() -> menu.getItems().getFirst().fire());
        assertThat(ran).containsExactly("Reset");
    }
}
