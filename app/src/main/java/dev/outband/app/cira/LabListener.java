package dev.outband.app.cira;

import dev.outband.app.amt.CiraTunnels;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.SecretFiles;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEventListener;
import dev.outband.cira.events.CiraEvents;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
import dev.outband.cira.listener.CiraListener;
import dev.outband.cira.listener.DeviceSnapshot;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.cira.listener.ServerIdentity;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own CIRA listener: started and stopped by the technician, one lab-wide CIRA user,
 * the password sealed in the data folder, devices that connect added to the store. Subscribers stay
 * subscribed across restarts of the listener. Thread-safe; every method may block briefly.
 */
public final class LabListener implements CiraTunnels, AutoCloseable {
    static final String PASSWORD_SECRET = "cira-password";

    private final ListenerSettings base;
    private final CiraEvents events = new CiraEvents();
    private final List<Consumer<Device>> addedListeners = new CopyOnWriteArrayList<>();
    private volatile Attached attached;
    private volatile Running running;

    private record Attached(SecretFiles secrets, ListenerIdentities identities, CiraDeviceRegistry registry) {
    }

    private record Running(CiraListener listener, ServerIdentity identity, CiraEvents.Subscription subscription) {
    }

    /** {@code base} supplies every limit and timeout; the port comes with each start. */
    public LabListener(ListenerSettings base) {
        this.base = base;
    }

    /** Connects the opened store: where the password, the identity and new devices go. */
    public void attach(DeviceStore store) {
        attached = new Attached(store.secrets(), new ListenerIdentities(store.folder(), store.secrets()),
                new CiraDeviceRegistry(store.devices()));
    }

    public boolean hasSavedPassword() {
        Attached a = attached;
        return a != null && a.secrets().exists(PASSWORD_SECRET);
    }

    public boolean labCaPresent() {
        Attached a = attached;
        return a != null && a.identities().labCaPresent();
    }

    /** Starts listening; returns the port bound. Failures carry a technician's wording. */
    public synchronized int start(StartRequest request) throws IOException, GeneralSecurityException {
        Attached a = attached;
        if (a == null) {
            throw new IOException("The device store is not open yet");
        }
        if (running != null) {
            return running.listener().port();
        }
        try {
            // Devices set up from this console log in with their own accounts; a lab-wide one is optional.
            Optional<CiraCredential> labWide = Optional.empty();
            if (!request.user().isBlank()) {
                byte[] password = password(a.secrets(), request);
                labWide = Optional.of(new CiraCredential(request.user().strip(), password));
                Arrays.fill(password, (byte) 0);
            }
            ServerIdentity identity = a.identities().resolve(request.caPassphrase());
            CiraListener listener;
            try {
                listener = CiraListener.start(base.withPort(request.port()), identity,
                        new CiraAccounts(a.secrets()).check(labWide));
            } catch (BindException e) {
                throw new IOException("Port " + request.port() + " is in use by another program:"
                        + " choose another port or stop that program", e);
            }
            CiraEvents.Subscription subscription = listener.subscribe(event -> onEvent(a, event));
            running = new Running(listener, identity, subscription);
            return listener.port();
        } finally {
            request.wipe();
        }
    }

    /** Stops listening and disconnects every device; nothing happens when it is not running. */
    public synchronized void stop() {
        Running r = running;
        running = null;
        if (r != null) {
            r.subscription().close();
            r.listener().close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public boolean running() {
        return running != null;
    }

    public int port() {
        Running r = running;
        return r == null ? -1 : r.listener().port();
    }

    /** The listener certificate saved in {@code dataFolder} for the next start, if one was made. */
    public static Optional<X509Certificate> savedCertificate(java.nio.file.Path dataFolder)
            throws IOException, GeneralSecurityException {
        return new ListenerIdentities(dataFolder, null).savedCertificate();
    }

    /** The certificate devices see: the running one, else the one saved for the next start. */
    public Optional<X509Certificate> certificate() throws IOException, GeneralSecurityException {
        Running r = running;
        if (r != null) {
            return Optional.of(r.identity().certificate());
        }
        Attached a = attached;
        return a == null ? Optional.empty() : a.identities().savedCertificate();
    }

    /** The running listener's TLS identity; empty when stopped. Other servers of this listener (its API) share it. */
    public Optional<ServerIdentity> identity() {
        Running r = running;
        return r == null ? Optional.empty() : Optional.of(r.identity());
    }

    /** Connected devices, oldest connection first; empty when stopped. */
    public List<DeviceSnapshot> devices() {
        Running r = running;
        return r == null ? List.of() : r.listener().connectedDevices();
    }

    @Override
    public Optional<SocketFactory> to(String uuid) {
        Running r = running;
        if (r == null) {
            return Optional.empty();
        }
        DeviceUuid device;
        try {
            device = DeviceUuid.parse(uuid);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        return r.listener().device(device).map(d -> d.socketFactory());
    }

    /** Listener events, on the session's thread: return quickly. */
    public CiraEvents.Subscription subscribe(CiraEventListener listener) {
        return events.subscribe(listener);
    }

    /** Called on a background thread with each device the store did not know yet. */
    public void onDeviceAdded(Consumer<Device> listener) {
        addedListeners.add(listener);
    }

    private void onEvent(Attached a, CiraEvent event) {
        if (event instanceof CiraEvent.Authenticated authenticated) {
            // The store is slow next to a session thread: register on a thread of its own.
            Thread.ofVirtual().name("cira-register").start(() -> register(a, authenticated));
        }
        events.publish(event);
    }

    private void register(Attached a, CiraEvent.Authenticated event) {
        try {
            a.registry().ensureStored(event.device(), event.remote()).ifPresent(device -> {
                log().info("CIRA device {} added to the store as {}", event.device(), device.name());
                addedListeners.forEach(l -> l.accept(device));
            });
        } catch (RuntimeException e) {
            log().warn("CIRA device {} could not be added to the store: {}", event.device(), e.getMessage());
        }
    }

    private static byte[] password(SecretFiles secrets, StartRequest request) throws IOException {
        if (request.password().length > 0) {
            String clear = new String(request.password());
            secrets.save(PASSWORD_SECRET, clear);
            return clear.getBytes(StandardCharsets.UTF_8);
        }
        return secrets.load(PASSWORD_SECRET).map(s -> s.reveal().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IOException("Enter the CIRA password the devices were configured with"));
    }

    /** Looked up when first needed: the console builds this object at start-up, before logging is wanted. */
    private static Logger log() {
        return LoggerFactory.getLogger(LabListener.class);
    }
}
