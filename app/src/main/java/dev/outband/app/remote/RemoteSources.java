package dev.outband.app.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.ManagedDevice;
import dev.outband.app.amt.SystemRoots;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.RemoteSource;
import dev.outband.app.store.TlsMode;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The console's remote sources: lists their devices and opens each as a {@link ManagedDevice}. Every method
 * blocks on the network (call it off the JavaFX thread) and is safe to call from many threads; one logged-in
 * client per source is kept, and made anew when the source's settings change.
 */
public final class RemoteSources implements DeviceConnections.RemoteDevices {
    private final Supplier<List<RemoteSource>> sources;
    private final DeviceConnections.ExtraRoots labRoots;
    private final RemoteSettings settings;
    private final Clock clock;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    private record Client(RemoteSource source, ApiClient api) {
    }

    /**
     * @param sources  read on each use (the store's current list, or a snapshot a command took)
     * @param labRoots the lab CA's root, trusted for sources set to {@link RemoteSource.Trust#LAB}
     */
    public RemoteSources(Supplier<List<RemoteSource>> sources, DeviceConnections.ExtraRoots labRoots,
                         RemoteSettings settings, Clock clock) {
        this.sources = sources;
        this.labRoots = labRoots;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every source's devices, the sources asked in parallel; a failing source yields its error in its listing. */
    public List<SourceListing> listAll(DeviceFilter filter) {
        List<RemoteSource> all = sources.get();
        clients.keySet().retainAll(all.stream().map(RemoteSource::name).toList());
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SourceListing>> asked = new ArrayList<>();
            for (RemoteSource source : all) {
                asked.add(each.submit(() -> list(source, filter)));
            }
            List<SourceListing> listings = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                listings.add(result(asked.get(i), all.get(i)));
            }
            return listings;
        }
    }

    /** One source's devices, all pages, and its stats; never throws: the failure is in the listing. */
    public SourceListing list(RemoteSource source, DeviceFilter filter) {
        try {
            ApiClient api = client(source);
            List<RemoteDeviceRow> rows = new ArrayList<>();
            int total = Integer.MAX_VALUE;
            while (rows.size() < Math.min(total, settings.maxDevices())) {
                Map<String, String> query = new LinkedHashMap<>(filter.query());
                query.put("$top", String.valueOf(settings.pageSize()));
                query.put("$skip", String.valueOf(rows.size()));
                query.put("$count", "true");
                JsonNode page = api.get("api/v1/devices", query);
                // {data, totalCount} with $count=true; a plain array from servers that ignore it.
                JsonNode data = page.isArray() ? page : page.path("data");
                if (!data.isArray()) {
                    throw new SourceException(source.name(), SourceException.Kind.BAD_REPLY,
                            "the device list is neither an array nor {data, totalCount}", null);
                }
                total = page.isArray() ? Integer.MAX_VALUE : page.path("totalCount").asInt(Integer.MAX_VALUE);
                data.forEach(d -> rows.add(row(source, RemoteDeviceInfo.from(d))));
                if (data.size() < settings.pageSize()) {
                    break;
                }
            }
            return new SourceListing(source, rows, stats(source), null);
        } catch (SourceException e) {
            return SourceListing.failed(source, e);
        }
    }

    /** How many devices the source knows and how many are connected now. */
    public SourceStats stats(RemoteSource source) throws SourceException {
        JsonNode s = client(source).get("api/v1/devices/stats", Map.of());
        return new SourceStats(s.path("totalCount").asInt(0), s.path("connectedCount").asInt(0),
                s.path("disconnectedCount").asInt(0));
    }

    /**
     * The device a technician names: "source/device" (friendly name, host name or GUID there) or a GUID that
     * any source knows.
     */
    public Optional<RemoteDeviceRow> find(String spec) throws SourceException {
        int slash = spec.indexOf('/');
        if (slash > 0) {
            String name = spec.substring(0, slash);
            String device = spec.substring(slash + 1);
            Optional<RemoteSource> source = sources.get().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
            if (source.isEmpty()) {
                return Optional.empty();
            }
            SourceListing listing = list(source.get(), DeviceFilter.ALL);
            if (listing.error() != null) {
                throw listing.error();
            }
            return listing.devices().stream().filter(r -> matches(r.info(), device)).findFirst();
        }
        for (RemoteSource source : sources.get()) {
            try {
                JsonNode d = client(source).get("api/v1/devices/" + spec, Map.of());
                if (d.isObject() && !d.path("guid").asText("").isEmpty()) {
                    return Optional.of(row(source, RemoteDeviceInfo.from(d)));
                }
            } catch (SourceException e) {
                if (e.kind() != SourceException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /** The device of a row the table shows; what {@link DeviceConnections#device} calls for remote devices. */
    @Override
    public ManagedDevice open(Device device) throws IOException {
        RemoteId id = RemoteId.of(device.reach());
        // The client of the last listing or call: a bulk action on a thousand devices does not read the store a
        // thousand times (listing, pinning and removing go through the store and replace or drop it).
        Client known = clients.get(id.source());
        if (known != null) {
            return new RemoteDevice(known.api(), id.guid(), device.name());
        }
        RemoteSource source = sources.get().stream().filter(s -> s.name().equals(id.source())).findFirst()
                .orElseThrow(() -> new IOException(device.name() + " is served by the remote source " + id.source()
                        + ", which is no longer among this console's sources"));
        return new RemoteDevice(client(source), id.guid(), device.name());
    }

    /** One client per source, so a bulk action on a thousand of its devices logs in once. */
    private ApiClient client(RemoteSource source) throws SourceException {
        Client known = clients.get(source.name());
        if (known != null && known.source().equals(source)) {
            return known.api();
        }
        TrustPolicy trust = trust(source);
        return clients.compute(source.name(), (name, current) -> current != null && current.source().equals(source)
                ? current : new Client(source, new ApiClient(source, HttpClients.shared(), trust, settings, clock))).api();
    }

    private TrustPolicy trust(RemoteSource source) throws SourceException {
        try {
            return switch (source.trust()) {
                case PINNED -> new TrustPolicy.Pinned(source.pinnedSha256());
                case SYSTEM -> SystemRoots.get();
                case LAB -> SystemRoots.with(labRoots.get());
            };
        } catch (IOException e) {
            throw new SourceException(source.name(), SourceException.Kind.CERTIFICATE,
                    "the trusted roots cannot be read: " + e.getMessage(), e);
        }
    }

    private static RemoteDeviceRow row(RemoteSource source, RemoteDeviceInfo info) {
        String host = info.hostname().isBlank() ? info.guid() : info.hostname();
        Device device = new Device(null, source.name() + "/" + info.displayName(), host, info.tags(), null, null,
                TlsMode.NONE, null, new RemoteId(source.name(), info.guid()).reach(),
                new DeviceState(null, info.firmware().isBlank() ? null : info.firmware(), info.lastSeen()));
        return new RemoteDeviceRow(source.name(), device, info);
    }

    private static boolean matches(RemoteDeviceInfo info, String name) {
        return name.equalsIgnoreCase(info.friendlyName()) || name.equalsIgnoreCase(info.hostname())
                || name.equalsIgnoreCase(info.guid());
    }

    private static SourceListing result(Future<SourceListing> asked, RemoteSource source) {
        try {
            return asked.get();
        } catch (ExecutionException e) {
            return SourceListing.failed(source, new SourceException(source.name(), SourceException.Kind.UNREACHABLE,
                    String.valueOf(e.getCause()), e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SourceListing.failed(source, new SourceException(source.name(), SourceException.Kind.UNREACHABLE,
                    "interrupted while listing", e));
        }
    }
}
