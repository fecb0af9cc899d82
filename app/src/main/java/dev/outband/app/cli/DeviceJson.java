package dev.outband.app.cli;

import dev.outband.app.store.Device;
import java.util.List;

/** A device as {@code --json} prints it: everything but the password. */
record DeviceJson(long id, String name, String host, List<String> tags, String user, String tls,
                  String reach, String reachId, String powerState, String amtVersion, String lastSeen) {
    static DeviceJson of(Device d) {
        return new DeviceJson(d.id(), d.name(), d.host(), d.tags(), d.user(), d.tls().name().toLowerCase(),
                d.reach().kind().name().toLowerCase(), d.reach().id(), d.state().powerState(), d.state().amtVersion(),
                d.state().lastSeen() == null ? null : d.state().lastSeen().toString());
    }
}
