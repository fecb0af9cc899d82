package dev.outband.app.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.app.ui.Settings;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.boot.BootTarget;
import dev.outband.wsman.amt.certificates.DeviceCertificate;
import dev.outband.wsman.amt.events.EventSubscription;
import dev.outband.wsman.tls.Certificates;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * The device pages against a simulated AMT 16 over real sockets: each is read when its tab is shown, and an
 * edit made in its dialog reaches the device and shows in the page's next read. Expected values are the
 * simulator's state, so these tests prove the console's path end to end, not AMT's own semantics (the wsman
 * tests check those against recorded replies).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DevicePagesTest {
    private static final String PASSWORD = "Sim-Passw0rd";

    @TempDir
    static Path home;

    /** Admin control mode: its user consent policy may change. */
    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-acm", "admin", PASSWORD)
            .withProvisioningMode(1));
    private DevicePorts ports;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().insert(Device.of("sim-acm", "127.0.0.1").withCredentials("admin", store.devices().seal(PASSWORD)));
        // The fleet poll would add its own requests to the counts below: only its first sweep, at start.
        Settings settings = Settings.load(store.folder());
        settings.setFleetPeriod(Duration.ofMinutes(15));
        settings.save();
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> ports.httpPort()));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        ports.close();
    }

    @Test
    void aPageReadsOnlyWhenItsTabIsFirstShownAndOnRefresh(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-acm").queryAll().isEmpty());
        long start = settled();
        robot.clickOn("sim-acm");
        waitForFact(robot, "#identityFacts", "16.1.25");
        long overview = settled();

        robot.clickOn("Boot");
        waitForFact(robot, "#bootFacts", "As the BIOS boot order says");
        long afterBoot = settled();
        assertThat(afterBoot).as("the Boot page read the device").isGreaterThan(overview);

        robot.clickOn("Overview");
        robot.clickOn("Boot");
        assertThat(settled()).as("shown again without Refresh: no new read").isEqualTo(afterBoot);

        robot.clickOn("#detailsRefresh");
        waitForFact(robot, "#bootFacts", "As the BIOS boot order says");
        long afterRefresh = settled();
        // Refresh reads the five overview sections and the shown page again.
        assertThat(afterRefresh - afterBoot).isGreaterThanOrEqualTo(afterBoot - overview + 5);

        // A page hidden during the refresh was not read then: shown now, it reads (Features: four Gets). Had it
        // read while hidden, it would show that read and ask nothing (a page reads once per refresh). Counting
        // this way does not depend on how many requests a new connection's digest exchange takes.
        robot.clickOn("Features");
        waitForFact(robot, "#featureFacts", "Always required");
        assertThat(settled() - afterRefresh).as("Features read when first shown after the refresh")
                .isGreaterThanOrEqualTo(4);
    }

    /** The device's request count once no request arrived for a second (bounded by the test's timeout). */
    private long settled() throws InterruptedException {
        long last = -1;
        while (last != device.hooks().requests()) {
            last = device.hooks().requests();
            Thread.sleep(1000);
        }
        return last;
    }

    @Test
    void featuresChangedInTheDialogReachTheDeviceAndShowInThePage(FxRobot robot) throws Exception {
        open(robot, "Features");
        waitForFact(robot, "#featureFacts", "Always required");
        assertThat(ConsoleFixture.labelsIn(robot, "#featureFacts")).containsSubsequence("KVM (remote desktop)", "On",
                "Serial-over-LAN", "On", "IDE-R (remote media)", "Off");

        // Nothing changed: Apply stays disabled and says why; Esc closes without a change.
        robot.clickOn("#changeFeatures");
        waitFor(robot, "#featuresDialog");
        assertThat(showing(robot, "#featuresDialogProblem", Labeled.class).getText()).isEqualTo("Nothing changed yet.");
        assertThat(applyButton(robot, "#featuresDialog").isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        waitGone(robot, "#featuresDialog");

        robot.clickOn("#changeFeatures");
        waitFor(robot, "#featuresDialog");
        toggle(robot, "#featureSol");
        toggle(robot, "#featureIder");
        toggle(robot, "#featureListener");
        assertThat(showing(robot, "#featuresDialogProblem", Labeled.class).getText()).contains("listener off");
        toggle(robot, "#featureListener");
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) showing(robot, "#featureConsent", javafx.scene.control.ComboBox.class))
                .getSelectionModel().select(1));
        robot.interact(() -> applyButton(robot, "#featuresDialog").fire());

        waitForFact(robot, "#featureFacts", "Required for KVM only");
        assertThat(ConsoleFixture.labelsIn(robot, "#featureFacts")).containsSubsequence("Serial-over-LAN", "Off",
                "IDE-R (remote media)", "On");
        assertThat(device.redirection().sol()).isFalse();
        assertThat(device.redirection().ider()).isTrue();
        assertThat(device.consent().required()).isEqualTo(1);
    }

    @Test
    void aNextBootSetInTheDialogReachesTheDeviceAndShowsInThePage(FxRobot robot) throws Exception {
        open(robot, "Boot");
        waitForFact(robot, "#bootFacts", "As the BIOS boot order says");
        assertThat(ConsoleFixture.labelsIn(robot, "#bootFacts")).anyMatch(l -> l.contains("Network (PXE)"));

        robot.clickOn("#setNextBoot");
        waitFor(robot, "#bootDialog");
        robot.type(KeyCode.ESCAPE);
        waitGone(robot, "#bootDialog");
        assertThat(device.bootOptions().biosSetup()).isFalse();

        robot.clickOn("#setNextBoot");
        waitFor(robot, "#bootDialog");
        robot.interact(() -> ((javafx.scene.control.ComboBox<BootTarget>) showing(robot, "#bootTarget", javafx.scene.control.ComboBox.class))
                .setValue(BootTarget.IDER_CD));
        assertThat(robot.lookup("Remote media boots only while this console serves an image over IDE-R.")
                .queryLabeled().isVisible()).isTrue();
        robot.interact(() -> ((javafx.scene.control.ComboBox<BootTarget>) showing(robot, "#bootTarget", javafx.scene.control.ComboBox.class))
                .setValue(BootTarget.BIOS_SETUP));
        toggle(robot, "#bootUseSol");
        robot.interact(() -> applyButton(robot, "#bootDialog").fire());

        waitForFact(robot, "#bootFacts", "BIOS setup");
        assertThat(ConsoleFixture.labelsIn(robot, "#bootFacts")).containsSubsequence("Boot text to SOL", "Yes");
        assertThat(device.bootOptions().biosSetup()).isTrue();
        assertThat(device.bootOptions().useSol()).isTrue();
        assertThat(device.bootOptions().roleSet()).isTrue();
    }

    @Test
    void aTrustedRootAddedInTheDialogIsListedAndCanBeRemovedAfterConfirming(FxRobot robot) throws Exception {
        LabAuthority ca = new LabAuthority(home.resolve("ca-" + System.nanoTime()), store.secrets(), Clock.systemUTC());
        X509Certificate root = ca.create("Outband Pages Test Root");
        X509Certificate leaf = ca.issueDeviceCertificate("sim-acm", root.getPublicKey(), List.of("sim-acm"),
                Duration.ofDays(30));
        open(robot, "Certificates");
        TableView<DeviceCertificate> table = robot.lookup("#certificateTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, table::isVisible);
        int before = table.getItems().size();

        robot.clickOn("#addTrustedRoot");
        waitFor(robot, "#trustedRootDialog");
        assertThat(showing(robot, "#trustedRootDialogProblem", Labeled.class).getText())
                .isEqualTo("Paste a certificate in PEM form.");
        robot.interact(() -> showing(robot, "#trustedRootPem", TextArea.class).setText("not a certificate"));
        assertThat(showing(robot, "#trustedRootDialogProblem", Labeled.class).getText())
                .isEqualTo("This is not a PEM certificate.");
        String leafPem = pem(leaf);
        String rootPem = pem(root);
        robot.interact(() -> showing(robot, "#trustedRootPem", TextArea.class).setText(leafPem));
        assertThat(showing(robot, "#trustedRootDialogProblem", Labeled.class).getText())
                .isEqualTo("This is not a CA certificate: a trusted root must be one.");
        assertThat(applyButton(robot, "#trustedRootDialog").isDisabled()).isTrue();
        robot.interact(() -> showing(robot, "#trustedRootPem", TextArea.class).setText(rootPem));
        assertThat(applyButton(robot, "#trustedRootDialog").isDisabled()).isFalse();
        assertThat(showing(robot, "#trustedRootSubject", Labeled.class).getText())
                .contains("Outband Pages Test Root", Certificates.grouped(Certificates.sha256(root)));
        robot.interact(() -> applyButton(robot, "#trustedRootDialog").fire());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == before + 1);
        DeviceCertificate added = table.getItems().stream().filter(c -> c.certificate().equals(root)).findFirst()
                .orElseThrow();
        assertThat(added.trustedRoot()).isTrue();
        assertThat(device.certificates().trustedRoots()).contains(root);

        robot.interact(() -> table.getSelectionModel().select(added));
        robot.clickOn("#removeCertificate");
        waitFor(robot, "#removeCertificateConfirm");
        robot.type(KeyCode.ENTER);
        waitGone(robot, "#removeCertificateConfirm");
        assertThat(device.certificates().trustedRoots()).as("Enter means Cancel").contains(root);

        robot.clickOn("#removeCertificate");
        waitFor(robot, "#removeCertificateConfirm");
        ConsoleFixture.pressShowing(robot, "Remove");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == before);
        assertThat(device.certificates().trustedRoots()).doesNotContain(root);
    }

    @Test
    void aSubscriberAddedInTheDialogIsListedAndUnsubscribedAfterConfirming(FxRobot robot) throws Exception {
        open(robot, "Subscriptions");
        TableView<EventSubscription> table = robot.lookup("#subscriptionTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.isVisible() && !robot.lookup("#subscribe")
                .queryButton().isDisabled());

        robot.clickOn("#subscribe");
        waitFor(robot, "#subscriptionDialog");
        TextField address = showing(robot, "#subscriptionAddress", TextField.class);
        assertThat(address.getText()).as("this computer's address toward the device").startsWith("http://127.0.0.1:");
        robot.interact(() -> address.setText("192.0.2.10/events"));
        // The showing dialog's problem line (a lookup may also meet a closed dialog's node first).
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#subscriptionDialogProblem")
                .queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("The address must start with http:// or https://.")));
        robot.interact(() -> address.setText("http://192.0.2.10:9090/amt-events"));
        robot.interact(() -> applyButton(robot, "#subscriptionDialog").fire());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().destination()).isEqualTo("http://192.0.2.10:9090/amt-events");
        assertThat(device.subscribers().all()).extracting(s -> s.destination())
                .containsExactly("http://192.0.2.10:9090/amt-events");

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#unsubscribe");
        waitFor(robot, "#unsubscribeConfirm");
        ConsoleFixture.pressShowing(robot, "Unsubscribe");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(device.subscribers().all()).isEmpty();
    }

    private static String pem(X509Certificate cert) throws CertificateEncodingException {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static void open(FxRobot robot, String tab) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-acm").queryAll().isEmpty());
        robot.clickOn("sim-acm");
        robot.clickOn(tab);
    }

    /** Flips a check box in a dialog just shown (a click there can land before the dialog takes input). */
    private static void toggle(FxRobot robot, String box) {
        CheckBox check = showing(robot, box, CheckBox.class);
        robot.interact(() -> check.setSelected(!check.isSelected()));
    }

    /**
     * The node of the newest showing window: a lookup may also meet nodes of dialogs opened earlier (closed, or
     * still on their way out).
     */
    static <T extends Node> T showing(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAllAs(type).stream().filter(n -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing showing for " + query));
    }

    static Button applyButton(FxRobot robot, String dialog) {
        DialogPane pane = showing(robot, dialog, DialogPane.class);
        return pane.getButtonTypes().stream().filter(t -> t.getButtonData() == ButtonType.OK.getButtonData())
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
    }

    static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    static void waitGone(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.getScene() == null || !n.getScene().getWindow().isShowing()).orElse(true));
    }

    static void waitForFact(FxRobot robot, String grid, String value) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(grid).tryQuery().map(Node::isVisible)
                    .orElse(false) && ConsoleFixture.labelsIn(robot, grid).contains(value));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + value + " in " + grid + "; labels on screen: "
                    + robot.lookup(".label").queryAllAs(Label.class).stream().filter(Node::isVisible)
                    .map(Label::getText).toList(), e);
        }
    }
}
