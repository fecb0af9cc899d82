package dev.outband.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outband.simulator.device.PowerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener's API against four simulated CIRA devices over real sockets. Expected shapes and words come from
 * DMT mps' sources (file named at each assertion), not from our encoder.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerApiTest {
    private static final int DEVICES = 4;

    private ApiFixture lab;
    private String token;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        lab = new ApiFixture(home, DEVICES, s -> s);
        token = lab.login();
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @Test
    void aWrongPasswordIsRefusedWithMpsMessage() throws Exception {
        ApiFixture.Answer a = lab.answer(lab.post("/api/v1/authorize",
                "{\"username\":\"" + ApiFixture.API_USER + "\",\"password\":\"wrong\"}", null));
        assertThat(a.code()).isEqualTo(401);
        // src/routes/auth/login.ts + src/logging/messages.ts LOGIN_FAILED
        assertThat(a.body().get("message").asText()).isEqualTo("Incorrect Username and/or Password!");
    }

    @Test
    void theUserNameIsComparedWithoutCaseAsMpsDoes() throws Exception {
        ApiFixture.Answer a = lab.answer(lab.post("/api/v1/authorize",
                "{\"username\":\"API-ADMIN\",\"password\":\"" + ApiFixture.API_PASSWORD + "\"}", null));
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.body().get("token").asText()).contains(".");
    }

    @Test
    void everyRouteButLoginNeedsAValidBearerToken() throws Exception {
        assertThat(lab.answer(lab.get("/api/v1/devices", null)).code()).isEqualTo(401);
        assertThat(lab.answer(lab.get("/api/v1/devices", "not.a.token")).code()).isEqualTo(401);
        assertThat(lab.answer(lab.get("/api/v1/version", null)).code()).isEqualTo(401);
        // A redirection token is for one device's relay, not for the API.
        String relayOnly = lab.ok(lab.get("/api/v1/authorize/redirection/" + lab.guid(0), token)).get("token").asText();
        assertThat(lab.answer(lab.get("/api/v1/devices", relayOnly)).code()).isEqualTo(401);
    }

    @Test
    void theListCountsPagesAndFiltersAsMps() throws Exception {
        // src/routes/devices/getAll.ts: {data, totalCount} with $count=true, a bare array otherwise.
        JsonNode counted = lab.ok(lab.get("/api/v1/devices?$count=true", token));
        assertThat(counted.get("totalCount").asInt()).isEqualTo(DEVICES);
        assertThat(counted.get("data")).hasSize(DEVICES);
        JsonNode first = counted.get("data").get(0);
        // src/models/models.ts Device
        assertThat(fieldNames(first)).contains("guid", "hostname", "friendlyName", "tags", "connectionStatus",
                "mpsInstance", "mpsusername", "tenantId", "dnsSuffix", "lastConnected", "lastSeen", "deviceInfo");
        assertThat(fieldNames(first.get("deviceInfo"))).contains("fwVersion", "fwBuild", "fwSku", "currentMode",
                "features", "ipAddress", "lastUpdated");
        assertThat(first.get("connectionStatus").asBoolean()).isTrue();

        JsonNode page = lab.ok(lab.get("/api/v1/devices?$top=2&$skip=1", token));
        assertThat(page.isArray()).isTrue();
        assertThat(page).hasSize(2);
        assertThat(page.get(0).get("guid").asText()).isEqualTo(counted.get("data").get(1).get("guid").asText());

        JsonNode byHost = lab.ok(lab.get("/api/v1/devices?hostname=host-2.lab", token));
        assertThat(byHost).hasSize(1);
        assertThat(byHost.get(0).get("guid").asText()).isEqualTo(lab.guid(2));
        assertThat(lab.ok(lab.get("/api/v1/devices?friendlyName=sim-3", token)).get(0).get("guid").asText())
                .isEqualTo(lab.guid(3));
        assertThat(lab.ok(lab.get("/api/v1/devices?tags=even,lab&method=AND", token))).hasSize(2);
        assertThat(lab.ok(lab.get("/api/v1/devices?tags=even,nothing&method=OR", token))).hasSize(2);
        assertThat(lab.ok(lab.get("/api/v1/devices?status=1", token))).hasSize(DEVICES);
        assertThat(lab.ok(lab.get("/api/v1/devices?status=0", token))).isEmpty();
        assertThat(lab.answer(lab.get("/api/v1/devices?$top=many", token)).code()).isEqualTo(400);
    }

    @Test
    void statsTagsAndOneDevice() throws Exception {
        // src/routes/devices/stats.ts
        JsonNode stats = lab.ok(lab.get("/api/v1/devices/stats", token));
        assertThat(stats.get("totalCount").asInt()).isEqualTo(DEVICES);
        assertThat(stats.get("connectedCount").asInt()).isEqualTo(DEVICES);
        assertThat(stats.get("disconnectedCount").asInt()).isZero();
        assertThat(lab.ok(lab.get("/api/v1/devices/tags", token))).extracting(JsonNode::asText)
                .containsExactly("even", "lab");
        JsonNode one = lab.ok(lab.get("/api/v1/devices/" + lab.guid(1), token));
        assertThat(one.get("friendlyName").asText()).isEqualTo("sim-1");
        assertThat(lab.answer(lab.get("/api/v1/devices/" + "00000000-0000-0000-0000-000000000000", token)).code())
                .isEqualTo(404);
    }

    @Test
    void powerOffThenOnIsReadBackThroughTheApi() throws Exception {
        String guid = lab.guid(1);
        // src/routes/amt/powerAction.ts: {Body:{ReturnValue, ReturnValueStr}}
        JsonNode off = lab.ok(lab.post("/api/v1/amt/power/action/" + guid, "{\"action\":8}", token));
        assertThat(off.get("Body").get("ReturnValue").asInt()).isZero();
        assertThat(off.get("Body").get("ReturnValueStr").asText()).isEqualTo("SUCCESS");
        assertThat(lab.devices.get(1).powerState()).isEqualTo(PowerState.OFF);
        // src/routes/amt/getPowerState.ts: {powerstate, OSPowerSavingState}; CIM 8 = Off - Soft
        JsonNode state = lab.ok(lab.get("/api/v1/amt/power/state/" + guid, token));
        assertThat(state.get("powerstate").asInt()).isEqualTo(8);
        assertThat(state.has("OSPowerSavingState")).isTrue();

        lab.ok(lab.post("/api/v1/amt/power/action/" + guid, "{\"action\":2}", token));
        assertThat(lab.ok(lab.get("/api/v1/amt/power/state/" + guid, token)).get("powerstate").asInt()).isEqualTo(2);
    }

    @Test
    void capabilitiesVersionHardwareLogsAndFeaturesHaveMpsShapes() throws Exception {
        String guid = lab.guid(0);
        // src/routes/amt/powerCapabilities.ts labels
        JsonNode caps = lab.ok(lab.get("/api/v1/amt/power/capabilities/" + guid, token));
        assertThat(caps.get("Power up").asInt()).isEqualTo(2);
        assertThat(caps.get("Power down").asInt()).isEqualTo(8);
        assertThat(caps.get("Reset").asInt()).isEqualTo(10);
        // src/routes/amt/getVersion.ts
        JsonNode version = lab.ok(lab.get("/api/v1/amt/version/" + guid, token));
        JsonNode amt = version.get("CIM_SoftwareIdentity").get("responses").get(0);
        assertThat(amt.get("InstanceID").asText()).isEqualTo("AMT");
        assertThat(amt.get("VersionString").asText()).matches("\\d+\\.\\d+.*");
        assertThat(version.get("AMT_SetupAndConfigurationService").get("response").has("ProvisioningMode")).isTrue();
        // src/routes/amt/getHardwareInfo.ts formatResponse
        JsonNode hardware = lab.ok(lab.get("/api/v1/amt/hardwareInfo/" + guid, token));
        assertThat(hardware.get("CIM_Chassis").get("status").asInt()).isEqualTo(200);
        assertThat(hardware.get("CIM_BIOSElement").get("response").has("Version")).isTrue();
        assertThat(hardware.get("CIM_Processor").get("responses").isArray()).isTrue();
        // src/routes/amt/eventLog.ts: an array of records
        JsonNode events = lab.ok(lab.get("/api/v1/amt/log/event/" + guid, token));
        assertThat(events.isArray()).isTrue();
        if (!events.isEmpty()) {
            assertThat(fieldNames(events.get(0))).contains("EventSensorType", "EventOffset", "EventSeverity",
                    "Entity", "TimeStamp", "EntityStr", "Desc");
        }
        // src/routes/amt/auditLog.ts convertToAuditLogResult
        JsonNode audit = lab.ok(lab.get("/api/v1/amt/log/audit/" + guid + "?startIndex=0", token));
        assertThat(audit.has("totalCnt")).isTrue();
        assertThat(audit.get("records").isArray()).isTrue();
        assertThat(audit.get("records").size()).isLessThanOrEqualTo(10);
        // src/routes/amt/getAMTFeatures.ts
        JsonNode features = lab.ok(lab.get("/api/v1/amt/features/" + guid, token));
        assertThat(fieldNames(features)).contains("userConsent", "redirection", "KVM", "SOL", "IDER", "optInState");
        assertThat(features.get("userConsent").asText()).isEqualTo("none");
        // src/routes/amt/getGeneralSettings.ts: {Header, Body}
        assertThat(lab.ok(lab.get("/api/v1/amt/generalSettings/" + guid, token)).get("Body").has("HostName")).isTrue();
        // src/routes/version/get.ts, src/routes/health/get.ts
        assertThat(lab.ok(lab.get("/api/v1/version", token)).has("serviceVersion")).isTrue();
        assertThat(lab.ok(lab.get("/api/v1/health", token)).get("db").get("status").asText()).isEqualTo("OK");
    }

    @Test
    void anUnknownDeviceIsMpsNotFoundOrConnected() throws Exception {
        String guid = "12345678-1234-1234-1234-123456789abc";
        ApiFixture.Answer a = lab.answer(lab.get("/api/v1/amt/power/state/" + guid, token));
        assertThat(a.code()).isEqualTo(404);
        // src/middleware/cira.ts with src/utils/constants.ts HTTPErrorTable[404].device
        assertThat(a.body().get("error").asText())
                .isEqualTo("Device not found/connected. Please connect again using CIRA.");
        assertThat(a.body().get("errorDescription").asText()).isEqualTo("guid : " + guid);
    }

    @Test
    void badJsonAndAnOversizedBodyEndOnlyThatRequest() throws Exception {
        String guid = lab.guid(2);
        ApiFixture.Answer bad = lab.answer(lab.post("/api/v1/amt/power/action/" + guid, "{\"action\":", token));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body().get("errorDescription").asText()).contains("not valid JSON");
        ApiFixture.Answer unknown = lab.answer(lab.post("/api/v1/amt/power/action/" + guid, "{\"action\":999}", token));
        assertThat(unknown.code()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("path").asText()).isEqualTo("action");
        ApiFixture.Answer notANumber = lab.answer(lab.post("/api/v1/amt/power/action/" + guid, "{\"action\":\"on\"}",
                token));
        assertThat(notANumber.code()).isEqualTo(400);
        // The digits as a string are taken too; an "on" for a device that is on would be the device's refusal.
        assertThat(lab.ok(lab.post("/api/v1/amt/power/action/" + guid, "{\"action\":\"8\"}", token))
                .get("Body").get("ReturnValue").asInt()).isZero();
        lab.ok(lab.post("/api/v1/amt/power/action/" + guid, "{\"action\":2}", token));
        String huge = "{\"action\":2,\"pad\":\"" + "x".repeat(ApiSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";
        ApiFixture.Answer tooLarge = lab.answer(lab.post("/api/v1/amt/power/action/" + guid, huge, token));
        assertThat(tooLarge.code()).isEqualTo(413);
        assertThat(tooLarge.body().get("errorDescription").asText()).contains("limit of 16384 bytes");
        assertThat(lab.ok(lab.get("/api/v1/amt/power/state/" + guid, token)).has("powerstate")).isTrue();
    }

    @Test
    void aDeviceWithoutCredentialsGetsAClearErrorNamingIt() throws Exception {
        var stored = lab.store.devices().findByName("sim-3").orElseThrow();
        lab.store.devices().update(stored.withCredentials(null, null));
        try {
            ApiFixture.Answer a = lab.answer(lab.get("/api/v1/amt/power/state/" + lab.guid(3), token));
            assertThat(a.code()).isEqualTo(500);
            assertThat(a.body().get("errorDescription").asText()).contains("sim-3").contains("no AMT credentials");
        } finally {
            lab.store.devices().update(stored);
        }
    }

    @Test
    void manyParallelRequestsAllGetTheirAnswer() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Integer> codes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            String guid = lab.guid(i % DEVICES);
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    codes.add(lab.answer(lab.get("/api/v1/amt/power/state/" + guid, token)).code());
                } catch (Exception e) {
                    codes.add(-1);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
        }
        assertThat(codes).hasSize(20).containsOnly(200);
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
