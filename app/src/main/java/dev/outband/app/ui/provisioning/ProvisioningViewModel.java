package dev.outband.app.ui.provisioning;

import dev.outband.app.activation.ActivationContext;
import dev.outband.app.activation.ActivationProgress;
import dev.outband.app.activation.ActivationServer;
import dev.outband.app.activation.ActivationSettings;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.LocalAddresses;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Provisioning window's state: the store's activation profiles, the activation server (start and stop in the
 * background, its address, fingerprint and the rpc-go lines) and the sessions in progress, updated on the FX thread.
 */
public final class ProvisioningViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Background background;
    private final Supplier<DeviceStore> store;
    private final DeviceConnections connections;
    private final ObservableList<ActivationProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<ActivationRow> activations = FXCollections.observableArrayList();
    private final StringProperty address = new SimpleStringProperty("0.0.0.0");
    private final StringProperty port = new SimpleStringProperty("" + ActivationSettings.DEFAULT_PORT);
    private final StringProperty host = new SimpleStringProperty(LocalAddresses.names().getFirst());
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty commandLines = new SimpleStringProperty("");
    private ActivationServer server;

    public ProvisioningViewModel(Background background, Supplier<DeviceStore> store, DeviceConnections connections) {
        this.background = background;
        this.store = store;
        this.connections = connections;
    }

    public void reloadProfiles() {
        background.run("Reading the activation profiles", () -> store.get().profiles().findAll(), profiles::setAll);
    }

    public void remove(ActivationProfile profile) {
        background.run("Removing profile " + profile.name(), () -> store.get().profiles().delete(profile.name()),
                removed -> reloadProfiles());
    }

    public void save(ProfileDraft draft) {
        background.run("Saving profile " + draft.name(), () -> store.get().profiles().save(draft.toProfile(store.get()
                .profiles())), saved -> reloadProfiles());
    }

    public void start() {
        DeviceStore opened = store.get();
        String bind = address.get().strip();
        String name = host.get().strip();
        char[] key = apiKey.get().isEmpty() ? null : apiKey.get().toCharArray();
        int chosenPort = Integer.parseInt(port.get().strip());
        background.run("Starting the activation server", () -> {
            LabAuthority ca = new LabAuthority(opened.folder(), opened.secrets(), Clock.systemUTC());
            if (!ca.exists()) {
                throw new IOException("There is no lab CA to sign the server's certificate: create one in Lab ▸ Certificates…");
            }
            List<String> names = name.isEmpty() ? LocalAddresses.names()
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of(name),
                    LocalAddresses.names().stream()).distinct().toList();
            ActivationContext context = new ActivationContext(opened, ActivationContext.Lab.of(opened, connections,
                    Clock.systemUTC()), ActivationContext.Deactivated.REMOVE, ActivationContext.RPS_SETUP_SETTLE,
                    Clock.systemUTC());
            return ActivationServer.start(ActivationSettings.defaults(InetAddress.getByName(bind)).withPort(chosenPort),
                    ca.issueListenerIdentity(names.getFirst(), names), key, context,
                    p -> Platform.runLater(() -> show(p)));
        }, started -> {
            server = started;
            running.set(true);
            String shown = name.isEmpty() ? LocalAddresses.names().getFirst() : name;
            fingerprint.set(started.fingerprint());
            commandLines.set(profiles.stream().map(p -> started.commandLine(shown, p.name(), key != null))
                    .collect(Collectors.joining("\n")));
            url.set(started.url(shown) + (key == null ? "" : "?key=<API key>"));
        });
    }

    public void stop() {
        ActivationServer running = server;
        server = null;
        this.running.set(false);
        url.set("");
        fingerprint.set("");
        commandLines.set("");
        if (running != null) {
            background.run("Stopping the activation server", () -> {
                running.close();
                return null;
            }, done -> { });
        }
    }

    private void show(ActivationProgress p) {
        String started = LocalTime.ofInstant(p.started(), ZoneId.systemDefault()).format(TIME);
        ActivationRow row = ActivationRow.of(p, started);
        for (int i = 0; i < activations.size(); i++) {
            if (activations.get(i).session() == p.session()) {
                activations.set(i, row);
                return;
            }
        }
        activations.addFirst(row);
    }

    public ObservableList<ActivationProfile> profiles() {
        return profiles;
    }

    public ObservableList<ActivationRow> activations() {
        return activations;
    }

    public StringProperty address() {
        return address;
    }

    public StringProperty port() {
        return port;
    }

    public StringProperty host() {
        return host;
    }

    public StringProperty apiKey() {
        return apiKey;
    }

    public BooleanProperty running() {
        return running;
    }

    public StringProperty url() {
        return url;
    }

    public StringProperty fingerprint() {
        return fingerprint;
    }

    public StringProperty commandLines() {
        return commandLines;
    }
}
