package dev.outband.wsman.amt.time;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Reference;
import java.time.Instant;
import java.util.List;

/** The AMT clock: read it, and set it from the console's clock. */
public final class TimeService {
    private static final Reference SERVICE = Reference.of("AMT_TimeSynchronizationService", "CreationClassName",
            "AMT_TimeSynchronizationService", "Name", "Intel(r) AMT Time Synchronization Service",
            "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");

    private final WsmanClient wsman;

    public TimeService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public Instant deviceTime() throws WsmanException {
        return Instant.ofEpochSecond(wsman.invoke(SERVICE, "GetLowAccuracyTimeSynch", List.of()).getLong("Ta0", 0));
    }

    /** Sets the device clock to now (Ta0 from the device, Tm1/Tm2 from our clock). */
    public void synchronize() throws WsmanException {
        long ta0 = wsman.invoke(SERVICE, "GetLowAccuracyTimeSynch", List.of()).getLong("Ta0", 0);
        long tm = Instant.now().getEpochSecond();
        wsman.invoke(SERVICE, "SetHighAccuracyTimeSynch",
                List.of(Argument.of("Ta0", ta0), Argument.of("Tm1", tm), Argument.of("Tm2", tm)));
    }
}
