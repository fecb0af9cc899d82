package dev.outband.app.ui.cira;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.api.ApiSettings;
import dev.outband.app.api.ListenerApi;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.StartRequest;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.Settings;
import dev.outband.cira.listener.DeviceSnapshot;
import dev.outband.wsman.tls.Certificates;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * State of the Lab listener panel. Listener events arrive on session threads and are coalesced into
 * one refresh per FX pulse; a 1 s tick keeps keep-alive ages and channel counts current.
 */
public final class LabListenerViewModel {
    private final LabListener listener;
    private final Background background;
    private final Settings settings;
    private final CiraPresence presence = new CiraPresence();
    private final ObservableList<ConnectedDeviceRow> rows = FXCollections.observableArrayList();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty user = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty caPassphrase = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Stopped");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty passwordSaved = new SimpleBooleanProperty();
    private final BooleanProperty labCa = new SimpleBooleanProperty();
    private final BooleanProperty apiEnabled = new SimpleBooleanProperty();
    private final StringProperty apiAddress = new SimpleStringProperty(InetAddress.getLoopbackAddress().getHostAddress());
    private final StringProperty apiPort = new SimpleStringProperty(Integer.toString(ApiSettings.DEFAULT_PORT));
    private final StringProperty apiUser = new SimpleStringProperty(ApiSettings.DEFAULT_USER);
    private final StringProperty apiPassword = new SimpleStringProperty("");
    private volatile DeviceStore store;
    private volatile DeviceConnections connections;
    private volatile ListenerApi api;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Device> added = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean addPending = new AtomicBoolean();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
    private Consumer<List<Device>> onAdded = devices -> { };

    public LabListenerViewModel(LabListener listener, Background background, Settings settings) {
        this.listener = listener;
        this.background = background;
        this.settings = settings;
        port.set(Integer.toString(settings.ciraPort()));
        user.set(settings.ciraUser());
        ticker.setCycleCount(Timeline.INDEFINITE);
        listener.subscribe(event -> requestRefresh());
        listener.onDeviceAdded(this::queueAdded);
    }

    /** Receives, on the FX thread and in batches, the devices the listener put into the store. */
    public void onDevicesAdded(Consumer<List<Device>> consumer) {
        onAdded = consumer;
    }

    /** Connects the opened store (FX thread); the panel can start the listener from then on. */
    public void attach(DeviceStore store) {
        this.store = store;
        background.run("Reading the lab listener's certificate", () -> {
            listener.attach(store);
            return new Saved(listener.hasSavedPassword(), listener.labCaPresent(), shownFingerprint());
        }, saved -> {
            passwordSaved.set(saved.password());
            labCa.set(saved.labCa());
            fingerprint.set(saved.fingerprint());
            ready.set(true);
        });
    }

    public void start() {
        int wanted;
        try {
            wanted = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            wanted = -1;
        }
        if (wanted < 0 || wanted > 65535) {
            show("The port must be a number from 0 to 65535 (0 picks a free one)", true);
            return;
        }
        int chosen = wanted;
        ApiRequest apiRequest = apiEnabled.get() ? new ApiRequest(apiAddress.get().strip(), apiPort.get().strip(),
                apiUser.get().strip(), apiPassword.get().toCharArray()) : null;
        StartRequest request = new StartRequest(chosen, user.get().strip(), password.get().toCharArray(),
                caPassphrase.get().toCharArray());
        busy.set(true);
        show("Starting…", false);
        background.run("Starting the lab listener", () -> attemptStart(request, chosen, apiRequest), this::started);
    }

    /** How devices are reached for the API's calls: the console's own connections. */
    public void serveApiWith(DeviceConnections deviceConnections) {
        connections = deviceConnections;
    }

    /** Stops the API, if it runs; the listener stops separately. */
    public void closeApi() {
        ListenerApi running = api;
        api = null;
        if (running != null) {
            running.close();
        }
    }

    /** The API fields as typed; read into settings off the FX thread (an address may need a name lookup). */
    private record ApiRequest(String address, String port, String user, char[] password) {
        ApiSettings settings() throws IOException {
            int number;
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the port must be a number from 0 to 65535");
            }
            return ApiSettings.defaults().withBind(InetAddress.getByName(address), number).withUser(user);
        }
    }

    public void stop() {
        busy.set(true);
        background.run("Stopping the lab listener", () -> {
            closeApi();
            listener.stop();
            return true;
        }, done -> {
            busy.set(false);
            running.set(false);
            ticker.stop();
            show("Stopped", false);
            refresh();
        });
    }

    private sealed interface StartOutcome {
    }

    /** {@code api} is where the API serves, or why it did not start; empty when it was not asked for. */
    private record Started(int port, String fingerprint, String api, boolean apiFailed) implements StartOutcome {
    }

    private record Failed(String reason) implements StartOutcome {
    }

    private record Saved(boolean password, boolean labCa, String fingerprint) {
    }

    /** Expected failures (port taken, no password, wrong CA passphrase) become the status line, not a dialog. */
    private StartOutcome attemptStart(StartRequest request, int chosen, ApiRequest apiRequest) {
        ApiSettings apiSettings = null;
        if (apiRequest != null) {
            try {
                apiSettings = apiRequest.settings();
            } catch (IllegalArgumentException | IOException e) {
                Arrays.fill(apiRequest.password(), '\0');
                return new Failed("MPS API: " + e.getMessage());
            }
        }
        try {
            int bound = listener.start(request);
            settings.setCira(chosen, request.user());
            settings.save();
            if (apiRequest == null) {
                return new Started(bound, shownFingerprint(), "", false);
            }
            try {
                ListenerApi started = ListenerApi.start(apiSettings, apiRequest.password(), listener, store,
                        connections);
                api = started;
                return new Started(bound, shownFingerprint(), "MPS API on " + started.url() + "/api/v1", false);
            } catch (IOException e) {
                return new Started(bound, shownFingerprint(), "the MPS API did not start: " + e.getMessage(), true);
            } finally {
                Arrays.fill(apiRequest.password(), '\0');
            }
        } catch (IOException | GeneralSecurityException e) {
            return new Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The listener certificate's SHA-256 as technicians compare it; empty before there is one. */
    private String shownFingerprint() throws IOException, GeneralSecurityException {
        return listener.certificate().map(c -> Certificates.grouped(Certificates.sha256(c))).orElse("");
    }

    private void started(StartOutcome outcome) {
        busy.set(false);
        switch (outcome) {
            case Started s -> {
                running.set(true);
                password.set("");
                caPassphrase.set("");
                passwordSaved.set(true);
                fingerprint.set(s.fingerprint());
                apiPassword.set("");
                show("Listening on port " + s.port() + " — devices connect to this computer's address"
                        + (s.api().isEmpty() ? "" : "; " + s.api()), s.apiFailed());
                ticker.play();
                refresh();
            }
            case Failed f -> show(f.reason(), true);
        }
    }

    private void show(String text, boolean error) {
        status.set(text);
        failed.set(error);
    }

    private void requestRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            Platform.runLater(this::refresh);
        }
    }

    private void refresh() {
        refreshPending.set(false);
        List<DeviceSnapshot> devices = listener.devices();
        Instant now = Instant.now();
        List<ConnectedDeviceRow> fresh = devices.stream().map(d -> ConnectedDeviceRow.of(d, now)).toList();
        if (!fresh.equals(rows)) {
            rows.setAll(fresh);
        }
        Set<String> uuids = devices.stream().map(d -> d.uuid().toString()).collect(Collectors.toSet());
        presence.update(uuids);
    }

    private void queueAdded(Device device) {
        added.add(device);
        if (addPending.compareAndSet(false, true)) {
            Platform.runLater(this::deliverAdded);
        }
    }

    private void deliverAdded() {
        addPending.set(false);
        List<Device> batch = new ArrayList<>();
        for (Device d = added.poll(); d != null; d = added.poll()) {
            batch.add(d);
        }
        if (!batch.isEmpty()) {
            onAdded.accept(batch);
        }
    }

    public CiraPresence presence() {
        return presence;
    }

    public ObservableList<ConnectedDeviceRow> rows() {
        return rows;
    }

    public StringBinding countText() {
        return Bindings.createStringBinding(() -> switch (rows.size()) {
            case 0 -> "No device connected";
            case 1 -> "1 device connected";
            default -> rows.size() + " devices connected";
        }, rows);
    }

    public StringProperty port() {
        return port;
    }

    public StringProperty user() {
        return user;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty caPassphrase() {
        return caPassphrase;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty fingerprint() {
        return fingerprint;
    }

    public BooleanProperty ready() {
        return ready;
    }

    public BooleanProperty running() {
        return running;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public BooleanProperty failed() {
        return failed;
    }

    public BooleanProperty passwordSaved() {
        return passwordSaved;
    }

    public BooleanProperty apiEnabled() {
        return apiEnabled;
    }

    public StringProperty apiAddress() {
        return apiAddress;
    }

    public StringProperty apiPort() {
        return apiPort;
    }

    public StringProperty apiUser() {
        return apiUser;
    }

    public StringProperty apiPassword() {
        return apiPassword;
    }

    public BooleanProperty labCa() {
        return labCa;
    }
}
