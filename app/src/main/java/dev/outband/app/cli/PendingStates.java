package dev.outband.app.cli;

import dev.outband.app.amt.StateRecorder;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What devices said about themselves during a command, held while the command waits on the network and written
 * to the store in one short visit afterwards.
 */
final class PendingStates implements StateRecorder {
    private record Learned(long deviceId, DeviceState state) {}

    private record Reported(long deviceId, String fqdn) {}

    private final Queue<Learned> learned = new ConcurrentLinkedQueue<>();
    private final Queue<Reported> names = new ConcurrentLinkedQueue<>();

    @Override
    public void record(long deviceId, DeviceState state) {
        learned.add(new Learned(deviceId, state));
    }

    @Override
    public void reportedName(long deviceId, String fqdn) {
        names.add(new Reported(deviceId, fqdn));
    }

    /**
     * Writes what was learned, in order; opens the store only when there is something. The command's own result
     * stands when this fails (another process may hold the store now): the failure is a note on stderr.
     */
    void save(StoreVisits store, CliContext ctx) {
        List<Learned> all = new ArrayList<>(learned);
        List<Reported> reported = new ArrayList<>(names);
        if (all.isEmpty() && reported.isEmpty()) {
            return;
        }
        try {
            store.visit(s -> {
                all.forEach(l -> s.devices().updateState(l.deviceId(), l.state()));
                reported.forEach(r -> s.devices().adoptReportedName(r.deviceId(), r.fqdn()).ifPresent(renamed ->
                        ctx.err().println("The device is now named " + renamed.name() + ", the host name it reports.")));
                return null;
            });
        } catch (IOException | UserException | StoreException e) {
            ctx.err().println("The device list was not updated with what the devices said: " + e.getMessage());
        }
    }
}
