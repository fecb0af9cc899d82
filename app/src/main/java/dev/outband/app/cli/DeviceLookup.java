package dev.outband.app.cli;

import dev.outband.app.remote.RemoteDeviceRow;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.store.Device;
import dev.outband.app.store.RemoteSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The devices a command names: a stored device by its name, else a remote source's device as "source/device"
 * (friendly name, host name or GUID there) or by its GUID. The store is visited once; remote sources are asked
 * after it is closed.
 */
final class DeviceLookup {
    /** What was found, and the remote sources that serve the remote ones. */
    record Found(List<Device> devices, RemoteSources remote) {
    }

    private DeviceLookup() {
    }

    static Found find(CliContext ctx, StoreVisits store, List<String> names) throws IOException, UserException {
        Map<String, Device> stored = new LinkedHashMap<>();
        List<RemoteSource> sources = store.visit(s -> {
            for (String name : names) {
                s.devices().findByName(name).ifPresent(d -> stored.put(name, d));
            }
            return s.sources().findAll();
        });
        RemoteSources remote = ctx.remoteSources(sources);
        List<Device> found = new ArrayList<>();
        for (String name : names) {
            Device local = stored.get(name);
            if (local != null) {
                found.add(local);
            } else if (sources.isEmpty()) {
                throw new UserException("No device named '" + name + "'");
            } else {
                found.add(remote.find(name).map(RemoteDeviceRow::device).orElseThrow(() -> new UserException(
                        "No device named '" + name + "' in the store nor, as source/device or GUID, in a remote source")));
            }
        }
        return new Found(found, remote);
    }

    static Found find(CliContext ctx, StoreVisits store, String name) throws IOException, UserException {
        return find(ctx, store, List.of(name));
    }
}
