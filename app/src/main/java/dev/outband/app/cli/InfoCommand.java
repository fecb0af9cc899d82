package dev.outband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.amt.DeviceReader;
import dev.outband.app.store.Device;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.power.PowerStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code outband info <device>}: what the device says about itself, and its power state. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Read a device's AMT identity and power state.")
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    OutbandCommand root;

    @Parameters(paramLabel = "DEVICE", description = "Device name; a remote source's device as SOURCE/DEVICE or its GUID.")
    String name;

    @Option(names = "--json", description = "Machine-readable JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = root.context();
        StoreVisits store = new StoreVisits(ctx);
        DeviceLookup.Found found = DeviceLookup.find(ctx, store, name);
        Device device = found.devices().getFirst();
        PendingStates learned = new PendingStates();
        AmtIdentity identity;
        PowerStatus power;
        try {
            DeviceReader reader = DeviceReader.open(ctx.connections().serving(found.remote()), learned, Clock.systemUTC(),
                    device);
            identity = reader.identity();
            power = reader.power();
        } finally {
            learned.save(store, ctx);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", device.name());
        info.put("host", device.address());
        info.put("amtVersion", identity.amtVersion());
        info.put("provisioningMode", identity.provisioningMode().toString());
        info.put("provisioningState", identity.provisioningState().toString());
        info.put("uuid", String.valueOf(identity.uuid()));
        info.put("hostName", identity.hostName());
        info.put("domainName", identity.domainName());
        info.put("powerState", power.name());
        if (json) {
            ctx.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
        } else {
            info.forEach((k, v) -> ctx.out().printf("%-18s %s%n", k, v));
        }
        return ExitCode.OK;
    }
}
