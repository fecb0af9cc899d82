package dev.outband.app.activation;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * A static address for the wired port, taken from the operating system by IP sync, as rps does for a static
 * profile (src/stateMachines/wiredNetworkConfiguration.ts): DHCPEnabled false, IpSyncEnabled and SharedStaticIp true.
 */
final class StaticAddressing {
    private static final String CLASS = "AMT_EthernetPortSettings";
    /** AMT names the wired port's settings "Intel(r) AMT Ethernet Port Settings 0". */
    private static final String WIRED = "Settings 0";

    private StaticAddressing() {
    }

    static void apply(AmtClient amt) throws WsmanException {
        for (CimObject port : amt.wsman().enumerate(CLASS)) {
            String id = port.get("InstanceID");
            if (id.contains(WIRED)) {
                List<Argument> props = new ArrayList<>();
                port.properties().forEach((name, values) -> props.add(switch (name) {
                    case "DHCPEnabled" -> Argument.of(name, false);
                    case "IpSyncEnabled", "SharedStaticIp" -> Argument.of(name, true);
                    default -> new Argument.Values(name, values);
                }));
                amt.wsman().put(Reference.of(CLASS, "InstanceID", id), props);
                return;
            }
        }
        throw new WsmanException.MalformedReply("the device lists no wired port (" + WIRED + ")", null);
    }
}
