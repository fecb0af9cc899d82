package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.store.RemoteSource;
import dev.outband.wsman.amt.power.PowerAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A bulk power action across a remote source's devices: the same PowerRun and results as local devices. */
@Timeout(60)
class RemoteBulkPowerTest {
    private static final int DEVICES = 40;

    @Test
    void everyDeviceIsPoweredWithItsStateReadBackAfterOneLogin() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
        Map<String, Integer> states = new ConcurrentHashMap<>();
        try (ApiServer mps = new ApiServer(clock).start()) {
            List<Device> devices = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                String guid = String.format("00000000-0000-0000-0000-%012d", i);
                devices.add(Sources.device("lab-mps", guid));
                states.put(guid, 2);
                // src/routes/amt/powerCapabilities.ts, powerAction.ts and getPowerState.ts; the device 13 refuses.
                mps.json("GET /api/v1/amt/power/capabilities/" + guid, "{\"Power up\":2,\"Power cycle\":5,\"Power down\":8,\"Reset\":10}");
                mps.route("POST /api/v1/amt/power/action/" + guid, r -> {
                    if (guid.endsWith("13")) {
                        return ApiServer.reply(200, "{\"Body\":{\"ReturnValue\":2,\"ReturnValueStr\":\"NOT_READY\"}}");
                    }
                    states.put(guid, 8);
                    return ApiServer.reply(200, "{\"Body\":{\"ReturnValue\":0,\"ReturnValueStr\":\"SUCCESS\"}}");
                });
                mps.route("GET /api/v1/amt/power/state/" + guid, r ->
                        ApiServer.reply(200, "{\"powerstate\":" + states.get(guid) + ",\"OSPowerSavingState\":0}"));
            }
            RemoteSource source = Sources.source("lab-mps", mps.url(), ApiServer.PASSWORD);
            DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS)
                    .serving(Sources.of(clock, RemoteSettings.defaults(), source));

            List<PowerRun.Result> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<PowerRun.Result> results = new PowerRun(connections, (id, at, cooldown) -> Optional.empty(),
                    (id, state) -> { }, clock).perform(PowerAction.OFF, devices, progress::add);

            assertThat(results).hasSize(DEVICES);
            assertThat(progress).hasSize(DEVICES);
            assertThat(results.stream().filter(PowerRun.Result::ok)).hasSize(DEVICES - 1)
                    .allSatisfy(r -> assertThat(r.powerState()).isEqualTo("Off - Soft"));
            // Return value 2 with the device still on: PowerRun reads the state back and says why, as for WS-Man.
            PowerRun.Result refused = results.stream().filter(r -> !r.ok()).findFirst().orElseThrow();
            assertThat(refused.outcome()).isEqualTo(PowerRun.Outcome.FAILED);
            assertThat(refused.message()).isEqualTo("not allowed in this state (the device is On)");
            assertThat(mps.logins).as("one login for the whole run").hasValue(1);
        }
    }
}
