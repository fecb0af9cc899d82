package dev.outband.app.cli;

import dev.outband.app.remote.RemoteDeviceRow;
import dev.outband.app.store.Device;
import java.util.List;

/**
 * A device as {@code --json} prints it: everything but the password. A remote source's device has no id, and
 * names its source and whether it is connected to it now.
 */
record DeviceJson(Long id, String name, String host, List<String> tags, String user, String tls,
                  String reach, String reachId, String powerState, String amtVersion, String lastSeen,
                  String source, Boolean connected, Integer wsmanPort, Integer kvmPort) {
    static DeviceJson of(Device d) {
        return of(d, null, null);
    }

    static DeviceJson of(RemoteDeviceRow row) {
        return of(row.device(), row.source(), row.connected());
    }

    private static DeviceJson of(Device d, String source, Boolean connected) {
        return new DeviceJson(d.id(), d.name(), d.host(), d.tags(), d.user(), d.tls().name().toLowerCase(),
                d.reach().kind().name().toLowerCase(), d.reach().id(), d.state().powerState(), d.state().amtVersion(),
                d.state().lastSeen() == null ? null : d.state().lastSeen().toString(), source, connected,
                d.wsmanPort(), d.kvmPort());
    }
}
