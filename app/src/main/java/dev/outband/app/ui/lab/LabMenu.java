package dev.outband.app.ui.lab;

import dev.outband.app.activation.ActivationContext;
import dev.outband.app.activation.Deactivation;
import dev.outband.app.lab.JobResult;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.lab.CallHome;
import dev.outband.app.lab.TlsSetup;
import dev.outband.app.store.Device;
import dev.outband.app.ui.bulk.BulkProgress;
import dev.outband.app.ui.provisioning.ProvisioningWindow;
import dev.outband.app.ui.devices.DeviceListViewModel;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar's Lab menu: the lab CA's window, and the lab jobs on the selected devices (TLS with a
 * certificate from the lab CA, call home to this laptop), each with a progress window and a result per device.
 */
public final class LabMenu {
    private static final int NAMES_SHOWN = 5;

    private final DeviceConnections connections;
    private final DeviceListViewModel vm;
    private final Supplier<List<Device>> selection;
    private final CertificatesWindow certificates;
    private final Supplier<Window> window;
    private final Runnable afterRun;
    private final ProvisioningWindow provisioning;

    public LabMenu(DeviceConnections connections, DeviceListViewModel vm, Supplier<List<Device>> selection,
                   CertificatesWindow certificates, ProvisioningWindow provisioning, Supplier<Window> window,
                   Runnable afterRun) {
        this.provisioning = provisioning;
        this.connections = connections;
        this.vm = vm;
        this.selection = selection;
        this.certificates = certificates;
        this.window = window;
        this.afterRun = afterRun;
    }

    public MenuButton create(BooleanBinding noSelection) {
        MenuItem certs = item("Certificates…", "labCertificates", Feather.AWARD, () -> certificates.show(window.get()));
        MenuItem activate = item("Provisioning (activate devices)…", "labProvisioning", Feather.PLAY_CIRCLE,
                () -> provisioning.show(window.get()));
        MenuItem tlsOn = item("Turn TLS on (lab certificate)", "labTlsOn", Feather.LOCK, this::tlsOn);
        MenuItem tlsOff = item("Turn TLS off", "labTlsOff", Feather.UNLOCK, this::tlsOff);
        MenuItem callHome = item("Call this laptop (CIRA)…", "labCallHome", Feather.PHONE_INCOMING, this::callHome);
        MenuItem stopCalling = item("Stop calling this laptop…", "labStopCalling", Feather.PHONE_OFF, this::stopCalling);
        MenuItem deactivate = item("Deactivate (unprovision)…", "labDeactivate", Feather.POWER, this::deactivate);
        for (MenuItem needsDevices : List.of(tlsOn, tlsOff, callHome, stopCalling, deactivate)) {
            needsDevices.disableProperty().bind(noSelection);
        }
        MenuButton lab = new MenuButton("Lab", new FontIcon(Feather.SHIELD), certs, activate, new SeparatorMenuItem(), tlsOn,
                tlsOff, new SeparatorMenuItem(), callHome, stopCalling, new SeparatorMenuItem(), deactivate);
        lab.setId("labMenu");
        return lab;
    }

    private void tlsOn() {
        List<Device> devices = List.copyOf(selection.get());
        if (confirmed("Turn TLS on", devices, "Each device makes a key pair, the lab CA signs its certificate, "
                + "and the console then reaches it on 16993 only, verifying the lab root.")) {
            TlsSetup setup = tlsSetup();
            run("Turn TLS on", devices, (all, progress) -> setup.enable(all, TlsSetup.Options.defaults(), progress));
        }
    }

    private void tlsOff() {
        List<Device> devices = List.copyOf(selection.get());
        if (confirmed("Turn TLS off", devices, "The devices then answer without encryption on 16992.")) {
            TlsSetup setup = tlsSetup();
            run("Turn TLS off", devices, (all, progress) -> setup.disable(all, TlsSetup.Options.defaults(), progress));
        }
    }

    private void callHome() {
        List<Device> devices = List.copyOf(selection.get());
        new CallHomeDialog(window.get(), devices.size(), connections.listening()).ask().ifPresent(options -> {
            CallHome job = callHomeJob();
            run("Call this laptop", devices, (all, progress) -> job.setUp(all, options, progress));
        });
    }

    private void stopCalling() {
        List<Device> devices = List.copyOf(selection.get());
        new CallHomeDialog(window.get(), devices.size(), false).askAddress().ifPresent(options -> {
            CallHome job = callHomeJob();
            run("Stop calling this laptop", devices, (all, progress) -> job.remove(all, options, progress));
        });
    }

    /** Unprovision over WS-Man; the user chooses whether the devices leave the list or stay marked unprovisioned. */
    private void deactivate() {
        List<Device> devices = List.copyOf(selection.get());
        ButtonType remove = new ButtonType("Deactivate and remove");
        ButtonType keep = new ButtonType("Deactivate, keep as unprovisioned");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Each device goes back to pre-provisioning: its admin"
                + " password, TLS and call-home settings are gone, and it must be activated again to be managed.",
                remove, keep, ButtonType.CANCEL);
        ask.initOwner(window.get());
        ask.setHeaderText("Deactivate " + names(devices) + "?");
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ask.showAndWait().filter(b -> b == remove || b == keep).ifPresent(b -> {
            Deactivation job = new Deactivation(vm.store(), b == remove ? ActivationContext.Deactivated.REMOVE
                    : ActivationContext.Deactivated.MARK, step -> { });
            run("Deactivate", devices, (all, progress) -> job.stored(all, connections::client, progress));
        });
    }

    /** One lab job (its objects made here, on the FX thread) followed in a progress window; the list is read again afterwards. */
    private void run(String title, List<Device> devices, BulkProgress.Job<JobResult> job) {
        new BulkProgress(window.get(), title, devices.size(), false).start("lab-" + title, devices, job,
                (JobResult r) -> new BulkProgress.Row(r.device(), r.ok() ? BulkProgress.Status.DONE
                        : BulkProgress.Status.FAILED, r.ok() ? r.message() : "failed at " + r.message(), null),
                afterRun);
    }

    private TlsSetup tlsSetup() {
        return new TlsSetup(connections, vm.repository(), vm.labAuthority(), Clock.systemUTC());
    }

    private CallHome callHomeJob() {
        return new CallHome(connections, vm.labAuthority(), vm.ciraAccounts(),
                connections.listening() ? uuid -> connections.tunnelOpen(uuid.toString()) : null, Clock.systemUTC());
    }

    private boolean confirmed(String action, List<Device> devices, String detail) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, detail, ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(window.get());
        ask.setHeaderText(action + " on " + names(devices) + "?");
        // A slip of the Enter key should not reconfigure a whole lab.
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static String names(List<Device> devices) {
        return devices.stream().limit(NAMES_SHOWN).map(Device::name).collect(Collectors.joining(", "))
                + (devices.size() > NAMES_SHOWN ? " and " + (devices.size() - NAMES_SHOWN) + " more" : "");
    }

    private static MenuItem item(String text, String id, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
