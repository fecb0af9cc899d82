package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.amt.ManagedDevice;
import dev.outband.app.store.RemoteSource;
import com.fasterxml.jackson.databind.JsonNode;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.amt.certificates.CertificateListing;
import dev.outband.wsman.amt.certificates.DeviceCertificate;
import dev.outband.wsman.amt.features.ConsentPolicy;
import dev.outband.wsman.amt.features.Features;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.AuditRecordDecoder;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.log.PetRecordDecoder;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The remote source against a server answering in MPS's shapes. Bodies are written from the public DMT mps
 * sources named at each route (src/routes/…), with values from its recorded AMT responses
 * (src/test/helper/wsmanResponses.ts) where they exist.
 */
@Timeout(30)
class MpsShapesTest {
    static final String GUID = "4c4c4544-004b-4210-8033-b6c04f504633";
    /** The first X509Certificate of go-wsman-messages' recorded amt/publickey/certificate/pull.xml. */
    private static final String RECORDED_CERT = "MIIEOzCCAqOgAwIBAgIDAZMjMA0GCSqGSIb3DQEBDAUAMD0xFzAVBgNVBAMTDk1QU1Jvb3QtMGFmMWQ1MRAwDgYDVQQKEwd1bmtub3duMRAwDgYDVQQGEwd1bmtub3duMCAXDTIyMDkyNDEwNDUwOFoYDzIwNTMwOTI0MTA0NTA4WjA9MRcwFQYDVQQDEw5NUFNSb290LTBhZjFkNTEQMA4GA1UEChMHdW5rbm93bjEQMA4GA1UEBhMHdW5rbm93bjCCAaIwDQYJKoZIhvcNAQEBBQADggGPADCCAYoCggGBALz/oJNyWXlClSlteAieC8Uyd4A+tbn8b45k6LKiImhDmdz/xFo9xe0C9GNf7b42KVpg5WoH/sPhoClR9Tv5i1LnilT1SUir42fcm2NEV9dRcLsPd/RAQfz8u0D4zb3blnxE8isqzriNpG7kac35UidSr5ym8TZ3IwXx6JJuncGgfB0DFZADC/+dA74n3coykvWBYqLr6RI5pkAxvulkRlCsatJTJrvMUYJ51GI28jV56mIAc89sLrHqiSKCZBH9AcUrnZ/cB6ST/IikXpxy5wXBIvWT3VKVq75T/uIoCBEp5TLEn1EOYGqBBOCSQgmtmX7eVaB0s1+ppPW9w9a2zS45cHAtQ7tYvkkPv2dRhSzZdlk6HRXDP5wsF0aiflZCgbrjkq0SFC4e3Lo7XQX3FTNb0SOTZVTydupoMKkgJQTNlcosdu1ZzaIBl3eSkKkJZz2rUTssZC5tn9vcDd5vy3BzcGh5pvkgfAgN1sydqG7Ke1qCkNEzm11B/BsevatjjwIDAQABo0IwQDAMBgNVHRMEBTADAQH/MBEGCWCGSAGG+EIBAQQEAwIABzAdBgNVHQ4EFgQUCvHVQqerCid99eLApuLky9x6H5owDQYJKoZIhvcNAQEMBQADggGBAIzOyGV0hzsmH2biJlzwTZaHMxqS7boTFMkHw+KvzsI201tHqVmCoiQ8EHErBGLSoDOTDRgOUGOCA5XU5ie9OWupAGqKBSwIyAhmJMOzrzC4Gwpu8K1msoFJH30kx/V9purpbS3BRj0xfYXLa6IczbTg3E5IfTnZRJ9YuUtKQfI0P9c5U9CoKtddKn4+lRvOjFDoYfQGCJ7go3xjNCcGCVCjfkUhAVdbQ21DCRr6/YCZDWmjzZpL0p7UKF8roTiNuL/Z7gIXxch5HOmEWHY9uQ6K2MntuxAu0aK/mSD2kwmt/ECongdEGfUvhULLoPRQlQ2LnzcUQEgMECGQR5Yfy9jT0E8zdWDpc2tgVioNu6rEYKgp/GhG+sv7jv58pW82FRAV9xXtftW9+XDugC8tBJ6JHn0Q2v0QAflD2CEQVhWAY8bAqrbfTGUsaLfGL6kxV/qqssoMgLR8WhQ96T5le/4XGhQpbCHWIlctD6MwbrsunIAeQKp1Sc3DosY7DLq1MQ==";
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
    private ApiServer mps;
    private RemoteSource source;
    private RemoteSources sources;

    @BeforeEach
    void start() throws Exception {
        mps = new ApiServer(clock).start();
        source = Sources.source("lab-mps", mps.url(), ApiServer.PASSWORD);
        sources = Sources.of(clock, RemoteSettings.defaults().withPageSize(100), source);
        // src/routes/devices/getAll.ts: $count=true wraps the page in {data, totalCount}.
        mps.route("GET /api/v1/devices", r -> {
            int top = Integer.parseInt(r.getUrl().queryParameter("$top"));
            int skip = Integer.parseInt(r.getUrl().queryParameter("$skip"));
            List<String> page = new ArrayList<>();
            for (int i = skip; i < Math.min(250, skip + top); i++) {
                page.add(mpsDevice(i));
            }
            return ApiServer.reply(200, "{\"data\":[" + String.join(",", page) + "],\"totalCount\":250}");
        });
        // src/routes/devices/stats.ts
        mps.json("GET /api/v1/devices/stats", "{\"totalCount\":250,\"connectedCount\":200,\"disconnectedCount\":50}");
    }

    @AfterEach
    void stop() {
        mps.close();
    }

    /** MPS's Device (src/models/models.ts): every fifth one disconnected. */
    static String mpsDevice(int i) {
        String guid = String.format("00000000-0000-0000-0000-%012d", i);
        return "{\"guid\":\"" + guid + "\",\"hostname\":\"host-" + i + "\",\"friendlyName\":\"pc-" + i + "\","
                + "\"tags\":[\"floor" + i % 3 + "\"],\"mpsInstance\":\"mps-1\",\"connectionStatus\":" + (i % 5 != 0)
                + ",\"mpsusername\":\"admin\",\"tenantId\":\"\",\"dnsSuffix\":\"\","
                + "\"lastConnected\":\"2026-12-06T09:00:00.000Z\",\"lastSeen\":\"2026-12-06T09:30:00.000Z\","
                + "\"lastDisconnected\":null,\"deviceInfo\":{\"fwVersion\":\"16.1.25\",\"fwBuild\":\"2049\","
                + "\"fwSku\":\"16392\",\"currentMode\":\"0\",\"features\":\"AMT Pro Corporate\",\"ipAddress\":\"\","
                + "\"lastUpdated\":\"2026-12-06T09:00:00.000Z\"}}";
    }

    @Test
    void allPagesAreListedWithStatsAndEachDeviceNamesItsSource() {
        SourceListing listing = sources.list(source, DeviceFilter.ALL);

        assertThat(listing.error()).isNull();
        assertThat(listing.devices()).hasSize(250);
        assertThat(mps.requests("/api/v1/devices")).extracting(r -> r.getUrl().queryParameter("$skip"))
                .containsExactly("0", "100", "200");
        assertThat(mps.requests("/api/v1/devices")).allSatisfy(r ->
                assertThat(r.getUrl().queryParameter("$count")).isEqualTo("true"));
        assertThat(listing.stats()).isEqualTo(new SourceStats(250, 200, 50));
        RemoteDeviceRow first = listing.devices().getFirst();
        assertThat(first.source()).isEqualTo("lab-mps");
        assertThat(first.device().name()).isEqualTo("lab-mps/pc-0");
        assertThat(first.device().host()).isEqualTo("host-0");
        assertThat(first.device().tags()).containsExactly("floor0");
        assertThat(first.connected()).isFalse();
        assertThat(listing.devices().get(1).connected()).isTrue();
        assertThat(first.lastSeen()).isEqualTo(Instant.parse("2026-12-06T09:30:00Z"));
        assertThat(first.device().state().amtVersion()).isEqualTo("16.1.25");
        assertThat(RemoteId.of(first.device().reach())).isEqualTo(new RemoteId("lab-mps", first.guid()));
        assertThat(mps.logins).as("one login serves every page").hasValue(1);
    }

    @Test
    void filtersBecomeTheServersQueryParameters() {
        sources.list(source, new DeviceFilter(List.of("floor1", "floor2"), true, "host-7", true));

        RecordedRequest asked = mps.requests("/api/v1/devices").getFirst();
        assertThat(asked.getUrl().queryParameter("tags")).isEqualTo("floor1,floor2");
        assertThat(asked.getUrl().queryParameter("method")).isEqualTo("OR");
        assertThat(asked.getUrl().queryParameter("hostname")).isEqualTo("host-7");
        assertThat(asked.getUrl().queryParameter("status")).isEqualTo("1");
    }

    @Test
    void powerStateReadsMpsCapitalisedOsPowerSavingState() throws Exception {
        // src/routes/amt/getPowerState.ts
        mps.json("GET /api/v1/amt/power/state/" + GUID, "{\"powerstate\":2,\"OSPowerSavingState\":3}");

        assertThat(device().powerState()).isEqualTo(new PowerStatus(2, 3));
    }

    @Test
    void aPowerActionRepliedInMpsBodyShapeSucceedsOrThrowsTheReturnValue() throws Exception {
        // src/routes/amt/powerAction.ts: the reply's Body is RequestPowerStateChange_OUTPUT with ReturnValueStr added.
        mps.json("POST /api/v1/amt/power/action/" + GUID, "{\"Header\":{\"Action\":\"http://schemas.dmtf.org/wbem/"
                + "wscim/1/cim-schema/2/CIM_PowerManagementService/RequestPowerStateChangeResponse\"},"
                + "\"Body\":{\"ReturnValue\":0,\"ReturnValueStr\":\"SUCCESS\"}}");
        device().perform(PowerAction.OFF);
        assertThat(ApiServer.body(mps.requests("/api/v1/amt/power/action/" + GUID).getFirst()).path("action").asInt())
                .isEqualTo(8);

        // The same file answers an OS power action on a device that is on with 0x24 INVALID_PARAMETER.
        mps.json("POST /api/v1/amt/power/action/" + GUID,
                "{\"Body\":{\"RequestPowerStateChange_OUTPUT\":null,\"ReturnValue\":36,\"ReturnValueStr\":\"INVALID_PARAMETER\"}}");
        assertThatThrownBy(() -> device().perform(PowerAction.ON))
                .isInstanceOfSatisfying(ReturnValueException.class, e -> assertThat(e.returnValue()).isEqualTo(36));
    }

    @Test
    void bootActionsGoThroughBootOptions() throws Exception {
        // src/routes/amt/bootOptions.ts: {action, useSOL} and the power action's reply shape.
        mps.json("POST /api/v1/amt/power/bootOptions/" + GUID, "{\"Body\":{\"ReturnValue\":0,\"ReturnValueStr\":\"SUCCESS\"}}");

        device().perform(PowerAction.RESET_TO_BIOS);

        var sent = ApiServer.body(mps.requests("/api/v1/amt/power/bootOptions/" + GUID).getFirst());
        assertThat(sent.path("action").asInt()).isEqualTo(101);
        assertThat(sent.path("useSOL").asBoolean(true)).isFalse();
        assertThat(mps.requests("/api/v1/amt/power/action/" + GUID)).isEmpty();
    }

    @Test
    void capabilitiesMapMpsLabelsOntoActions() throws Exception {
        // src/routes/amt/powerCapabilities.ts for AMT > 9 with BIOSSetup and no ForceDiagnosticBoot.
        mps.json("GET /api/v1/amt/power/capabilities/" + GUID, "{\"Power up\":2,\"Power cycle\":5,\"Power down\":8,"
                + "\"Reset\":10,\"Soft-off\":12,\"Soft-reset\":14,\"Sleep\":4,\"Hibernate\":7,\"Power up to BIOS\":100,"
                + "\"Reset to BIOS\":101,\"Reset to IDE-R Floppy\":200,\"Power on to IDE-R Floppy\":201,"
                + "\"Reset to IDE-R CDROM\":202,\"Power on to IDE-R CDROM\":203,\"Reset to PXE\":400,\"Power on to PXE\":401}");

        assertThat(device().supportedActions()).isEqualTo(EnumSet.of(PowerAction.ON, PowerAction.CYCLE, PowerAction.OFF,
                PowerAction.RESET, PowerAction.SOFT_OFF, PowerAction.SOFT_RESET, PowerAction.SLEEP, PowerAction.HIBERNATE,
                PowerAction.ON_TO_BIOS, PowerAction.RESET_TO_BIOS, PowerAction.PXE_RESET, PowerAction.PXE_ON));
    }

    @Test
    void versionAndGeneralSettingsMakeTheIdentity() throws Exception {
        // src/routes/amt/getVersion.ts around wsmanResponses.ts' setupAndConfigurationServiceResponse (strings, as AMT sends).
        mps.json("GET /api/v1/amt/version/" + GUID, "{\"CIM_SoftwareIdentity\":{\"responses\":["
                + "{\"InstanceID\":\"Flash\",\"IsEntity\":\"true\",\"VersionString\":\"16.1.25\"},"
                + "{\"InstanceID\":\"AMT\",\"IsEntity\":\"true\",\"VersionString\":\"16.1.25\"}],\"status\":200},"
                + "\"AMT_SetupAndConfigurationService\":{\"response\":{\"ProvisioningMode\":\"1\",\"ProvisioningState\":\"2\","
                + "\"PasswordModel\":\"1\"},\"status\":200}}");
        // src/routes/amt/getGeneralSettings.ts: {Header, Body: AMT_GeneralSettings} (wsmanResponses.ts generalSettings).
        mps.json("GET /api/v1/amt/generalSettings/" + GUID, "{\"Header\":{},\"Body\":{\"AMTNetworkEnabled\":1,"
                + "\"DigestRealm\":\"Digest:A3829B3827DE4D33D4449B366831FD01\",\"DomainName\":\"\",\"HostName\":\"\","
                + "\"HostOSFQDN\":\"DESKTOP-9CC12U7\"}}");

        AmtIdentity identity = device().identity();

        assertThat(identity).isEqualTo(new AmtIdentity("16.1.25", AmtIdentity.ProvisioningMode.ADMIN_CONTROL,
                AmtIdentity.ProvisioningState.POST_PROVISIONING, "", "", "Digest:A3829B3827DE4D33D4449B366831FD01",
                UUID.fromString(GUID)));
    }

    @Test
    void hardwareReadsMpsFormattedClasses() throws Exception {
        // src/routes/amt/getHardwareInfo.ts formatResponse over wsmanResponses.ts' chassis, biosElement, processor,
        // physicalMemory and mediaAccessDevice.
        mps.json("GET /api/v1/amt/hardwareInfo/" + GUID, "{"
                + "\"CIM_Chassis\":{\"response\":{\"Manufacturer\":\"Dell Inc.\",\"Model\":\"OptiPlex 7090\",\"SerialNumber\":\"6KB3PF3\"},\"status\":200},"
                + "\"CIM_BIOSElement\":{\"response\":{\"Manufacturer\":\"Dell Inc.\",\"Version\":\"1.1.38\"},\"status\":200},"
                + "\"CIM_Processor\":{\"responses\":[{\"DeviceID\":\"CPU 0\",\"MaxClockSpeed\":\"4500\",\"OtherFamilyDescription\":\"\"}],\"status\":200},"
                + "\"CIM_PhysicalMemory\":{\"responses\":[{\"Capacity\":\"17179869184\",\"Manufacturer\":\"01980000802C\"}],\"status\":200},"
                + "\"CIM_MediaAccessDevice\":{\"responses\":[{\"DeviceID\":\"MEDIA DEV 0\",\"MaxMediaSize\":\"256060514\"}],\"status\":200},"
                + "\"CIM_Chip\":{\"responses\":[null],\"status\":400}}");

        HardwareInventory hw = device().hardware();

        assertThat(hw.manufacturer()).isEqualTo("Dell Inc.");
        assertThat(hw.model()).isEqualTo("OptiPlex 7090");
        assertThat(hw.serialNumber()).isEqualTo("6KB3PF3");
        assertThat(hw.biosVersion()).isEqualTo("1.1.38");
        assertThat(hw.processors()).containsExactly(" @ 4500 MHz");
        assertThat(hw.memoryBytes()).isEqualTo(17_179_869_184L);
        assertThat(hw.storage()).containsExactly("MEDIA DEV 0 256 GB");
    }

    @Test
    void eventRecordsAreTheSameAsTheRecordedPetRecordsTheyCameFrom() throws Exception {
        // Two records of wsmanResponses.ts' amtMessageLog, as src/routes/amt/eventLog.ts decodes them on a server in UTC.
        byte[] first = Base64.getDecoder().decode("YiexYf8PbwJoAf8AAEASAAAAAAAA");
        byte[] second = Base64.getDecoder().decode("+sGwYf8PbwJoCP8iAEATAAAAAAAA");
        mps.json("GET /api/v1/amt/log/event/" + GUID, "[" + mpsEvent(first) + "," + mpsEvent(second) + "]");

        List<EventRecord> events = device().events();

        assertThat(events).containsExactly(PetRecordDecoder.decode(first), PetRecordDecoder.decode(second));
        assertThat(events.get(1).time()).isEqualTo(Instant.parse("2021-12-08T14:32:26Z"));
        assertThat(events.get(1).sensorType()).isEqualTo(15);
        assertThat(events.get(1).severity()).isEqualTo(8);
    }

    /** The JSON eventLog.ts's parseEventLogs makes of one record (field by field from the record's bytes). */
    private static String mpsEvent(byte[] r) {
        long ts = (r[0] & 0xFFL) | (r[1] & 0xFFL) << 8 | (r[2] & 0xFFL) << 16 | (r[3] & 0xFFL) << 24;
        StringBuilder data = new StringBuilder();
        for (int j = 13; j < 21; j++) {
            data.append(j == 13 ? "" : ",").append(r[j] & 0xFF);
        }
        return "{\"DeviceAddress\":" + (r[4] & 0xFF) + ",\"EventSensorType\":" + (r[5] & 0xFF) + ",\"EventType\":"
                + (r[6] & 0xFF) + ",\"EventOffset\":" + (r[7] & 0xFF) + ",\"EventSourceType\":" + (r[8] & 0xFF)
                + ",\"EventSeverity\":" + (r[9] & 0xFF) + ",\"SensorNumber\":" + (r[10] & 0xFF) + ",\"Entity\":"
                + (r[11] & 0xFF) + ",\"EntityInstance\":" + (r[12] & 0xFF) + ",\"EventData\":[" + data
                + "],\"TimeStamp\":\"" + Instant.ofEpochSecond(ts) + "\",\"EntityStr\":\"BIOS\",\"Desc\":\"\"}";
    }

    @Test
    void auditRecordsComeInTheDevicesOrderWithMpsNames() throws Exception {
        // Two records of wsmanResponses.ts' auditLog as src/routes/amt/auditLog.ts returns them: newest first,
        // names from AMTAuditStringTable (src/utils/constants.ts).
        mps.json("GET /api/v1/amt/log/audit/" + GUID, "{\"totalCnt\":2,\"records\":["
                + "{\"AuditAppID\":21,\"EventID\":0,\"InitiatorType\":0,\"AuditApp\":\"Network Time\",\"Event\":\"Intel(R) ME Time Set\","
                + "\"Initiator\":\"$$OsAdmin\",\"Time\":\"2020-06-29T12:29:54.000Z\",\"MCLocationType\":0,\"NetAddress\":\"127.0.0.1\","
                + "\"Ex\":\"\\u0004^úA\\u0012\",\"ExStr\":\"Time set to 2020-06-29\"},"
                + "{\"AuditAppID\":16,\"EventID\":18,\"InitiatorType\":0,\"AuditApp\":\"Security Admin\","
                + "\"Event\":\"Upgrade Client to Admin Control Mode\",\"Initiator\":\"admin\",\"Time\":\"2020-06-29T11:54:55.000Z\","
                + "\"MCLocationType\":0,\"NetAddress\":\"127.0.0.1\",\"Ex\":\"\",\"ExStr\":null}]}");

        List<AuditRecord> audit = device().audit();

        assertThat(audit).containsExactly(
                new AuditRecord(16, 18, "Security Admin", "Upgrade Client to Admin Control Mode", "admin",
                        Instant.parse("2020-06-29T11:54:55Z"), "127.0.0.1"),
                new AuditRecord(21, 0, "Network Time", "Intel(R) ME Time Set", "$$OsAdmin",
                        Instant.parse("2020-06-29T12:29:54Z"), "127.0.0.1"));
        // The same facts as the recorded bytes say them.
        AuditRecord recorded = AuditRecordDecoder.decode(Base64.getDecoder().decode("ABAAEgAFYWRtaW5e+daPAAkxMjcuMC4wLjEA"));
        assertThat(audit.getFirst()).extracting(AuditRecord::appId, AuditRecord::eventId, AuditRecord::initiator,
                AuditRecord::time, AuditRecord::address).containsExactly(recorded.appId(), recorded.eventId(),
                recorded.initiator(), recorded.time(), recorded.address());
    }

    @Test
    void aLongAuditLogIsReadPageByPageFromTheNewestBack() throws Exception {
        // auditLog.ts: startIndex counts the newest records already read; AMT returns up to 10 per read.
        mps.route("GET /api/v1/amt/log/audit/" + GUID, r -> {
            int start = Integer.parseInt(r.getUrl().queryParameter("startIndex"));
            List<String> page = new ArrayList<>();
            for (int n = 23 - start; n > Math.max(0, 23 - start - 10); n--) {
                page.add("{\"AuditAppID\":16,\"EventID\":" + n + ",\"AuditApp\":\"Security Admin\",\"Event\":\"#" + n
                        + "\",\"Initiator\":\"admin\",\"Time\":\"2020-06-29T11:54:55.000Z\",\"NetAddress\":\"\"}");
            }
            return ApiServer.reply(200, "{\"totalCnt\":23,\"records\":[" + String.join(",", page) + "]}");
        });

        List<AuditRecord> audit = device().audit();

        assertThat(audit).extracting(AuditRecord::eventId).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 23).boxed().toList());
        assertThat(mps.requests("/api/v1/amt/log/audit/" + GUID)).extracting(r -> r.getUrl().queryParameter("startIndex"))
                .containsExactly("0", "10", "20");
    }

    @Test
    void featuresGiveRedirectionAndConsent() throws Exception {
        // src/routes/amt/getAMTFeatures.ts
        mps.json("GET /api/v1/amt/features/" + GUID, "{\"userConsent\":\"kvm\",\"redirection\":true,\"KVM\":true,"
                + "\"SOL\":false,\"IDER\":true,\"optInState\":2,\"kvmAvailable\":true,\"ocr\":false,"
                + "\"httpsBootSupported\":false,\"winREBootSupported\":false,\"localPBABootSupported\":false,\"remoteErase\":false}");

        ManagedDevice d = device();
        assertThat(d.redirection()).isEqualTo(new dev.outband.wsman.amt.redirection.RedirectionStatus(true, true, false, true));
        assertThat(d.consentStatus().optInRequired()).isEqualTo(1);
        assertThat(d.consentStatus().optInState()).isEqualTo(2);
    }

    @Test
    void featuresAreReadAndSetThroughMpsFeatureRoutes() throws Exception {
        // src/routes/amt/getAMTFeatures.ts and setAMTFeatures.ts (body checked by amtFeatureValidator.ts)
        mps.json("GET /api/v1/amt/features/" + GUID, "{\"userConsent\":\"all\",\"redirection\":true,\"KVM\":true,"
                + "\"SOL\":false,\"IDER\":false,\"optInState\":0,\"kvmAvailable\":true,\"ocr\":false}");
        List<JsonNode> posted = new CopyOnWriteArrayList<>();
        mps.route("POST /api/v1/amt/features/" + GUID, r -> {
            posted.add(ApiServer.body(r));
            return ApiServer.reply(200, "{\"status\":\"Updated AMT Features\"}");
        });

        ManagedDevice d = device();
        Features features = d.features();
        assertThat(features.redirection()).isEqualTo(new RedirectionStatus(true, false, false, true));
        assertThat(features.consent()).contains(ConsentPolicy.ALL);
        assertThat(features.kvm()).as("MPS does not report the KVM settings").isEmpty();

        d.applyFeatures(new RedirectionStatus(true, true, true, false), ConsentPolicy.KVM);
        assertThat(posted).singleElement().satisfies(body -> {
            assertThat(body.path("userConsent").asText()).isEqualTo("kvm");
            assertThat(body.path("enableSOL").asBoolean()).isTrue();
            assertThat(body.path("enableIDER").asBoolean()).isTrue();
            assertThat(body.path("enableKVM").asBoolean()).isFalse();
        });
    }

    @Test
    void certificatesAreListedAddedAndRemovedThroughMpsCertificateRoutes() throws Exception {
        // src/routes/amt/certificates/get.ts: the certificate is the first of go-wsman-messages' recorded
        // amt/publickey/certificate/pull.xml; "TLS" in associatedProfiles marks the TLS credential context's.
        mps.json("GET /api/v1/amt/certificates/" + GUID, "{\"certificates\":{\"keyManagementItems\":[],"
                + "\"publicKeyCertificateItems\":[{\"elementName\":\"Intel(r) AMT Certificate\","
                + "\"instanceID\":\"Intel(r) AMT Certificate: Handle: 0\",\"x509Certificate\":\"" + RECORDED_CERT + "\","
                + "\"trustedRootCertificate\":true,\"issuer\":\"C=unknown,O=unknown,CN=MPSRoot-0af1d5\","
                + "\"subject\":\"C=unknown,O=unknown,CN=MPSRoot-0af1d5\",\"readOnlyCertificate\":false,"
                + "\"associatedProfiles\":[],\"displayName\":\"MPSRoot-0af1d5\"},"
                + "{\"elementName\":\"Intel(r) AMT Certificate\",\"instanceID\":\"Intel(r) AMT Certificate: Handle: 1\","
                + "\"x509Certificate\":\"" + RECORDED_CERT + "\",\"trustedRootCertificate\":false,"
                + "\"associatedProfiles\":[\"TLS\"]}]},\"publicKeys\":{\"publicPrivateKeyPairItems\":[]},"
                + "\"profileAssociation\":[]}");
        List<JsonNode> added = new CopyOnWriteArrayList<>();
        mps.route("POST /api/v1/amt/certificates/" + GUID, r -> {
            added.add(ApiServer.body(r));
            return ApiServer.reply(200, "{\"handle\":\"Intel(r) AMT Certificate: Handle: 2\"}");
        });
        List<String> deleted = new CopyOnWriteArrayList<>();
        // The InstanceID travels as one encoded path segment (src/routes/amt/index.ts: certificates/:guid/:instanceId).
        mps.route("DELETE /api/v1/amt/certificates/" + GUID + "/Intel(r)%20AMT%20Certificate:%20Handle:%200", r -> {
            deleted.add(r.getUrl().encodedPath());
            return ApiServer.reply(200, "{\"message\":\"Certificate deleted successfully\"}");
        });

        ManagedDevice d = device();
        CertificateListing listing = d.certificates();
        assertThat(listing.certificates()).extracting(DeviceCertificate::trustedRoot).containsExactly(true, false);
        assertThat(listing.tlsCertificateId()).contains("Intel(r) AMT Certificate: Handle: 1");
        // What OpenSSL 3.0 prints for the recorded certificate (openssl x509 -fingerprint -sha256).
        assertThat(listing.certificates().getFirst().sha256())
                .isEqualTo("574dc4c3b010414f4be19bc423a92a9150e6c97abde0c435f61e4b006a8cf5b1");

        X509Certificate root = listing.certificates().getFirst().certificate();
        assertThat(d.addTrustedRoot(root)).isEqualTo("Intel(r) AMT Certificate: Handle: 2");
        assertThat(added).singleElement().satisfies(body -> {
            assertThat(body.path("isTrusted").asBoolean()).isTrue();
            assertThat(Base64.getDecoder().decode(body.path("cert").asText())).isEqualTo(root.getEncoded());
        });
        d.deleteCertificate("Intel(r) AMT Certificate: Handle: 0");
        assertThat(deleted).hasSize(1);
    }

    @Test
    void bootOptionsAndSubscriptionsSayPlainlyThatMpsHasNoRouteForThem() throws Exception {
        ManagedDevice d = device();
        assertThatThrownBy(d::bootOptions).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not available through an MPS source (lab-mps)");
        assertThatThrownBy(d::subscriptions).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not available through an MPS source (lab-mps)");
    }

    @Test
    void consentStartsSendsAndARefusedCodeCarriesTheDevicesReturnValue() throws Exception {
        // src/routes/amt/userConsent/request.ts, send.ts, cancel.ts: {Header, Body: *_OUTPUT + ReturnValueStr};
        // a non-zero ReturnValue is answered with 400 and the same body.
        mps.json("GET /api/v1/amt/userConsentCode/" + GUID, "{\"Header\":{},\"Body\":{\"ReturnValue\":0,\"ReturnValueStr\":\"SUCCESS\"}}");
        mps.route("POST /api/v1/amt/userConsentCode/" + GUID, r -> ApiServer.body(r).path("consentCode").asInt() == 123456
                ? ApiServer.reply(200, "{\"Header\":{},\"Body\":{\"ReturnValue\":0,\"ReturnValueStr\":\"SUCCESS\"}}")
                : ApiServer.reply(400, "{\"Header\":{},\"Body\":{\"ReturnValue\":2066,\"ReturnValueStr\":\"INVALID_USER_CONSENT_CODE\"}}"));
        mps.json("GET /api/v1/amt/userConsentCode/cancel/" + GUID, "{\"Header\":{},\"Body\":{\"ReturnValue\":0,\"ReturnValueStr\":\"SUCCESS\"}}");

        ManagedDevice d = device();
        d.startConsent();
        assertThatThrownBy(() -> d.sendConsentCode("654321"))
                .isInstanceOfSatisfying(ReturnValueException.class, e -> assertThat(e.returnValue()).isEqualTo(2066));
        d.sendConsentCode("123456");
        d.cancelConsent();

        assertThat(ApiServer.body(mps.requests("/api/v1/amt/userConsentCode/" + GUID).get(1)).path("consentCode").isInt())
                .as("MPS reads consentCode as a number").isTrue();
        assertThat(mps.requests("/api/v1/amt/userConsentCode/cancel/" + GUID)).hasSize(1);
    }

    @Test
    void aDeviceIsFoundBySourceAndNameOrByGuid() throws Exception {
        mps.json("GET /api/v1/devices/" + GUID, "{\"guid\":\"" + GUID + "\",\"hostname\":\"desk-7\",\"friendlyName\":\"\","
                + "\"tags\":[],\"connectionStatus\":true}");

        assertThat(sources.find("lab-mps/pc-7")).map(r -> r.guid()).contains("00000000-0000-0000-0000-000000000007");
        assertThat(sources.find("LAB-MPS/host-8")).map(r -> r.device().name()).contains("lab-mps/pc-8");
        assertThat(sources.find("lab-mps/nobody")).isEmpty();
        assertThat(sources.find(GUID)).map(r -> r.device().name()).contains("lab-mps/desk-7");
        assertThat(sources.find("11111111-2222-3333-4444-555555555555")).isEmpty();
    }

    private ManagedDevice device() throws Exception {
        return sources.open(Sources.device("lab-mps", GUID));
    }
}
