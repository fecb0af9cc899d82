package dev.outband.app.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.cira.Snapshots;
import dev.outband.app.ui.provisioning.ProvisioningViewModel;
import dev.outband.app.ui.provisioning.ProvisioningWindow;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Provisioning window on a real stage: the profile listed, the server started from the window showing its
 * URL, fingerprint and the rpc-go line, and a client following that line shown in the activations table.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProvisioningWindowTest {
    @TempDir
    static Path home;

    private DeviceStore store;
    private ExecutorService executor;
    private ProvisioningViewModel vm;
    private X509Certificate root;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        root = new LabAuthority(store.folder(), store.secrets(), Clock.systemUTC()).create("Outband UI test root");
        store.profiles().save(new ActivationServerTest().withStore(store).ccm("lab-ccm"));
        executor = Executors.newVirtualThreadPerTaskExecutor();
        vm = new ProvisioningViewModel(new Background(executor, new ErrorPresenter(stage, false)), () -> store,
                new DeviceConnections(DeviceConnections.AMT_PORTS));
        Theme.LIGHT.apply();
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
        new ProvisioningWindow(vm).show(stage);
    }

    @AfterEach
    void stop() {
        vm.stop();
        executor.shutdown();
        store.close();
    }

    @Test
    void theServerStartedFromTheWindowShowsTheLineToRunAndTheActivationItServes(FxRobot robot) throws Exception {
        TableView<?> profiles = robot.lookup("#profiles").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> profiles.getItems().size() == 1);
        robot.interact(() -> {
            vm.port().set("0");
            vm.host().set("127.0.0.1");
            vm.apiKey().set(ActivationServerTest.API_KEY);
        });
        robot.clickOn("#startActivation");
        TextField url = robot.lookup("#activationUrl").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !url.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#activationFingerprint").queryAs(TextField.class).getText())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        String line = robot.lookup("#activationCommand").queryAs(TextArea.class).getText();
        Matcher m = Pattern.compile("rpc activate -u (wss://127\\.0\\.0\\.1:\\d+/activate)\\?key=<API key> --profile"
                + " lab-ccm").matcher(line);
        assertThat(m.find()).as(line).isTrue();

        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(m.group(1) + "?key=" + ActivationServerTest.API_KEY);
            client.send(RpcTestClient.message("activate --profile lab-ccm", RpcTestClient.payload(0).toString())
                    .toString());
            assertThat(client.run(amt::answer).method()).isEqualTo("success");
        }
        TableView<?> activations = robot.lookup("#activations").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.from(activations)
                .lookup("done: Client control mode. Wired Network Configured").queryAll().isEmpty());
        Window window = url.getScene().getWindow();
        Snapshots.save(window.getScene(), Path.of("target", "provisioning-window.png"));
    }
}
