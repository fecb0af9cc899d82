package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.RemoteSource;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parts where DMT Console answers differently from MPS. Bodies from the public console sources:
 * internal/entity/dto/v1 (device.go, poweraction.go, powerstate.go) and internal/controller/httpapi/v1/error.go.
 */
@Timeout(30)
class ConsoleShapesTest {
    private static final String GUID = "8dad96cb-c3db-11e6-9c43-bc0000d20000";
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
    private ApiServer console;
    private RemoteSource source;
    private RemoteSources sources;

    @BeforeEach
    void start() throws Exception {
        console = new ApiServer(clock).start();
        source = Sources.source("dmt", console.url(), ApiServer.PASSWORD);
        sources = Sources.of(clock, RemoteSettings.defaults().withPageSize(100), source);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    /** dto.Device with Console's own fields (username, password, useTLS, allowSelfSigned, certHash) and lastSynced. */
    private static String consoleDevice(int i) {
        return "{\"connectionStatus\":true,\"mpsInstance\":\"\",\"hostname\":\"ws-" + i + "\",\"guid\":\"" + GUID.substring(0, 24)
                + String.format("%012d", i) + "\",\"mpsusername\":\"\",\"tags\":[\"lab\"],\"tenantId\":\"\","
                + "\"friendlyName\":\"\",\"dnsSuffix\":\"\",\"lastSeen\":\"2026-12-06T09:59:00Z\","
                + "\"deviceInfo\":{\"fwVersion\":\"16.1\",\"fwBuild\":\"1552\",\"fwSku\":\"16392\",\"currentMode\":\"2\","
                + "\"features\":\"\",\"ipAddress\":\"10.0.0." + i + "\",\"lastSynced\":\"2026-12-06T09:00:00Z\"},"
                + "\"username\":\"admin\",\"password\":\"Amt-Passw0rd\",\"mpspassword\":\"\",\"mebxpassword\":\"\","
                + "\"useTLS\":true,\"allowSelfSigned\":true,\"certHash\":\"aa\"}";
    }

    @Test
    void consoleDevicesListWithTheirOwnFieldsIgnored() {
        // A server that ignores $count answers a plain array; the list stops at the short page.
        console.route("GET /api/v1/devices", r -> {
            int skip = Integer.parseInt(r.getUrl().queryParameter("$skip"));
            List<String> page = new ArrayList<>();
            for (int i = skip; i < Math.min(150, skip + 100); i++) {
                page.add(consoleDevice(i));
            }
            return ApiServer.reply(200, "[" + String.join(",", page) + "]");
        });
        console.json("GET /api/v1/devices/stats", "{\"totalCount\":150,\"connectedCount\":150,\"disconnectedCount\":0}");

        SourceListing listing = sources.list(source, DeviceFilter.ALL);

        assertThat(listing.error()).isNull();
        assertThat(listing.devices()).hasSize(150);
        assertThat(console.requests("/api/v1/devices")).hasSize(2);
        RemoteDeviceRow row = listing.devices().get(3);
        assertThat(row.device().name()).as("no friendly name: the host name").isEqualTo("dmt/ws-3");
        assertThat(row.device().state().amtVersion()).isEqualTo("16.1.1552");
        assertThat(row.device().user()).as("Console's AMT user is not taken").isNull();
        assertThat(row.device().password()).isNull();
        assertThat(row.toString()).doesNotContain("Amt-Passw0rd");
    }

    @Test
    void powerStateReadsConsolesCamelCaseOsPowerSavingState() throws Exception {
        console.json("GET /api/v1/amt/power/state/" + GUID, "{\"powerstate\":8,\"osPowerSavingState\":1}");

        assertThat(sources.open(Sources.device("dmt", GUID)).powerState()).isEqualTo(new PowerStatus(8, 1));
    }

    @Test
    void aPowerActionRepliedInConsolesFlatShapeSucceedsOrThrowsTheReturnValue() throws Exception {
        console.json("POST /api/v1/amt/power/action/" + GUID, "{\"ReturnValue\":0}");
        sources.open(Sources.device("dmt", GUID)).perform(PowerAction.RESET);

        console.json("POST /api/v1/amt/power/action/" + GUID, "{\"ReturnValue\":2}");
        assertThatThrownBy(() -> sources.open(Sources.device("dmt", GUID)).perform(PowerAction.RESET))
                .isInstanceOfSatisfying(ReturnValueException.class, e -> assertThat(e.returnValue()).isEqualTo(2));
    }

    @Test
    void identityReadsConsolesVersionAndItsLowerCaseGeneralSettingsWrapper() throws Exception {
        // dto.Version (version.go) with ints, as Go marshals ProvisioningMode; dto.GeneralSettings (info.go) is {header, body}.
        console.json("GET /api/v1/amt/version/" + GUID, "{\"CIM_SoftwareIdentity\":{\"responses\":[{\"InstanceID\":\"AMT\","
                + "\"VersionString\":\"16.1.27\",\"IsEntity\":true}]},\"AMT_SetupAndConfigurationService\":{\"response\":"
                + "{\"ProvisioningMode\":4,\"ProvisioningState\":2,\"ZeroTouchConfigurationEnabled\":true}}}");
        console.json("GET /api/v1/amt/generalSettings/" + GUID, "{\"body\":{\"HostName\":\"ws-1\",\"DomainName\":\"corp.example\","
                + "\"DigestRealm\":\"Digest:0C4B3B2E6D7C7C4E0000000000000000\"}}");

        var identity = sources.open(Sources.device("dmt", GUID)).identity();

        assertThat(identity.amtVersion()).isEqualTo("16.1.27");
        assertThat(identity.provisioningMode()).isEqualTo(dev.outband.wsman.amt.identity.AmtIdentity.ProvisioningMode.CLIENT_CONTROL);
        assertThat(identity.hostName()).isEqualTo("ws-1");
        assertThat(identity.domainName()).isEqualTo("corp.example");
    }

    @Test
    void consoleEventsKeepTheNamesAndTimeConsoleGives() throws Exception {
        // dto.EventLogs (eventlog.go) as info.go fills it: names, description and Go's time text; numbers left 0.
        console.json("GET /api/v1/amt/log/event/" + GUID, "{\"records\":[{\"DeviceAddress\":0,\"EventSensorType\":0,"
                + "\"EventType\":0,\"EventOffset\":0,\"EventSourceType\":0,\"EventSeverity\":\"Non-critical\","
                + "\"SensorNumber\":0,\"Entity\":\"BIOS\",\"EntityInstance\":0,\"EventData\":null,"
                + "\"Time\":\"2021-12-08 14:32:26 +0000 UTC\",\"EntityStr\":\"\",\"Desc\":\"Video initialization\","
                + "\"eventTypeDesc\":\"\"},{\"EventSeverity\":\"Information\",\"Entity\":\"BIOS\","
                + "\"Time\":\"2021-12-08 21:45:06.5 +0100 CET\",\"Desc\":\"x\"}],\"hasMoreRecords\":false}");

        var events = sources.open(Sources.device("dmt", GUID)).events();

        assertThat(events).hasSize(2);
        assertThat(events.get(0).time()).isEqualTo(Instant.parse("2021-12-08T14:32:26Z"));
        assertThat(events.get(0).severityName()).isEqualTo("Non-critical");
        assertThat(events.get(0).entityName()).isEqualTo("BIOS");
        assertThat(events.get(0).description()).isEqualTo("Video initialization");
        assertThat(events.get(1).time()).isEqualTo(Instant.parse("2021-12-08T20:45:06.5Z"));
    }

    @Test
    void consolesErrorShapeGivesItsMessage() {
        console.route("GET /api/v1/amt/power/state/" + GUID, r -> ApiServer.reply(500,
                "{\"error\":\"general error\",\"message\":\"wsman: connection to device timed out\"}"));

        assertThatThrownBy(() -> sources.open(Sources.device("dmt", GUID)).powerState())
                .isInstanceOf(SourceException.class)
                .hasMessage("dmt: server error 500: wsman: connection to device timed out");
    }
}
