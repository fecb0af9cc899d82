package dev.outband.app.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outband.wsman.amt.certificates.CertificateListing;
import dev.outband.wsman.amt.certificates.DeviceCertificate;
import dev.outband.wsman.amt.consent.ConsentService.ConsentStatus;
import dev.outband.wsman.amt.features.ConsentPolicy;
import dev.outband.wsman.amt.features.Features;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.hardware.MemoryModule;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.log.PetRecordDecoder;
import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.amt.network.NetworkSettings;
import dev.outband.wsman.amt.network.WifiProfile;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import dev.outband.wsman.soap.CimObject;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The REST replies of MPS (src/routes/amt/*.ts) and DMT Console (internal/entity/dto/v1) mapped onto the
 * records the WS-Man path yields. Tolerant: unknown fields are ignored, and where the two differ both shapes
 * are read.
 */
final class Replies {
    /** MPS's UserConsentOptions by name (getAMTFeatures.ts); AMT's OptInRequired numbers. */
    private static final long CONSENT_ALL = 0xFFFFFFFFL;
    private static final DateTimeFormatter GO_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HHMM", "+0000").toFormatter();

    /** MPS's LINK_POLICY_TO_STRING (networkSettings/helper.ts) back to AMT's numbers. */
    private static final Map<String, Integer> LINK_POLICIES = Map.of("S0 AC", 1, "Sx AC", 14, "S0 DC", 16,
            "Sx DC", 224);
    /** MPS's AUTHENTICATION_METHOD_TO_STRING and ENCRYPTION_METHOD_TO_STRING back to AMT's numbers. */
    private static final Map<String, Integer> AUTHENTICATION = Map.of("Other", 1, "OpenSystem", 2, "SharedKey", 3,
            "WPAPSK", 4, "WPAIEEE8021x", 5, "WPA2PSK", 6, "WPA2IEEE8021x", 7, "WPA3SAE", 32768, "WPA3OWE", 32769);
    private static final Map<String, Integer> ENCRYPTION = Map.of("Other", 1, "WEP", 2, "TKIP", 3, "CCMP", 4,
            "None", 5);

    private Replies() {
    }

    /** {@code powerstate} with MPS's {@code OSPowerSavingState} or Console's {@code osPowerSavingState}. */
    static PowerStatus powerState(JsonNode reply) {
        JsonNode os = reply.has("OSPowerSavingState") ? reply.path("OSPowerSavingState") : reply.path("osPowerSavingState");
        return new PowerStatus(reply.path("powerstate").asInt(0), os.asInt(0));
    }

    /** The return value of an AMT method: MPS {@code {Body:{ReturnValue}}}, Console {@code {ReturnValue}}. */
    static Optional<Long> returnValue(JsonNode reply) {
        JsonNode value = reply.path("Body").has("ReturnValue") ? reply.path("Body").path("ReturnValue")
                : reply.path("ReturnValue");
        return value.canConvertToLong() || value.isTextual() && value.asText().matches("\\d+")
                ? Optional.of(value.asLong()) : Optional.empty();
    }

    static Optional<Long> returnValue(byte[] body) {
        return tree(body).flatMap(Replies::returnValue);
    }

    static Optional<String> returnValueText(byte[] body) {
        return tree(body).map(r -> r.path("Body").path("ReturnValueStr").asText(""))
                .filter(s -> !s.isBlank());
    }

    /** MPS's label → action number map; labels we have no action for (IDE-R, secure erase) are left out. */
    static Set<PowerAction> capabilities(JsonNode reply) {
        Set<PowerAction> actions = EnumSet.noneOf(PowerAction.class);
        reply.properties().forEach(e -> {
            if (e.getValue().canConvertToInt() && e.getValue().asInt() != 0) {
                PowerAction.byNumber(e.getValue().asInt()).ifPresent(actions::add);
            }
        });
        return actions;
    }

    /** getVersion.ts's shape (Console's dto.Version is the same) plus general settings for names; the UUID is the device's GUID. */
    static AmtIdentity identity(JsonNode version, JsonNode general, String guid) {
        String amt = "";
        for (JsonNode item : list(version.path("CIM_SoftwareIdentity").path("responses"))) {
            if ("AMT".equals(item.path("InstanceID").asText())) {
                amt = item.path("VersionString").asText("");
            }
        }
        JsonNode setup = version.path("AMT_SetupAndConfigurationService").path("response");
        // MPS wraps AMT_GeneralSettings in {Header, Body}, Console in {header, body}.
        JsonNode settings = general.path("Body").isObject() ? general.path("Body")
                : general.path("body").isObject() ? general.path("body") : general;
        return new AmtIdentity(amt,
                setup.has("ProvisioningMode") ? AmtIdentity.ProvisioningMode.of(setup.path("ProvisioningMode").asLong())
                        : AmtIdentity.ProvisioningMode.UNKNOWN,
                setup.has("ProvisioningState") ? AmtIdentity.ProvisioningState.of(setup.path("ProvisioningState").asLong())
                        : AmtIdentity.ProvisioningState.UNKNOWN,
                settings.path("HostName").asText(""), settings.path("DomainName").asText(""),
                settings.path("DigestRealm").asText(""), uuid(guid));
    }

    /** getHardwareInfo.ts's formatResponse shape: {@code {CIM_Chassis:{response}, CIM_Processor:{responses:[…]}, …}}. */
    static HardwareInventory hardware(JsonNode reply) {
        JsonNode chassis = first(reply.path("CIM_Chassis"));
        JsonNode bios = first(reply.path("CIM_BIOSElement"));
        List<String> cpus = new ArrayList<>();
        each(reply.path("CIM_Processor"), p -> cpus.add(p.path("OtherFamilyDescription").asText("")
                + " @ " + p.path("MaxClockSpeed").asText("?") + " MHz"));
        List<MemoryModule> modules = new ArrayList<>();
        each(reply.path("CIM_PhysicalMemory"), m -> modules.add(MemoryModule.from(cim("CIM_PhysicalMemory", m))));
        List<String> storage = new ArrayList<>();
        each(reply.path("CIM_MediaAccessDevice"), d -> storage.add(d.path("DeviceID").asText("")
                + " " + d.path("MaxMediaSize").asLong(0) / 1_000_000 + " GB"));
        return new HardwareInventory(chassis.path("Manufacturer").asText(""), chassis.path("Model").asText(""),
                chassis.path("SerialNumber").asText(""), bios.path("Manufacturer").asText(""),
                bios.path("Version").asText(""), cpus, modules.stream().mapToLong(MemoryModule::capacityBytes).sum(),
                storage, modules, List.of());
    }

    /** An instance's JSON as MPS passes it through, read as the WS-Man path reads the instance. */
    private static CimObject cim(String className, JsonNode instance) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        instance.properties().forEach(e -> properties.put(e.getKey(), e.getValue().isArray()
                ? list(e.getValue()).stream().map(JsonNode::asText).toList() : List.of(e.getValue().asText())));
        return new CimObject(className, properties);
    }

    /**
     * getNetworkSettings.ts's {@code {wired, wireless}} (each null when the device has no such port), mapped back
     * onto AMT's property names and numbers; MPS does not say whether the Wi-Fi port is on (state 0).
     */
    static NetworkSettings network(JsonNode reply) {
        List<EthernetPort> ports = new ArrayList<>();
        List<WifiProfile> profiles = new ArrayList<>();
        for (String kind : List.of("wired", "wireless")) {
            JsonNode port = reply.path(kind);
            if (!port.isObject()) {
                continue;
            }
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("InstanceID", List.of(port.path("instanceID").asText("")));
            p.put("PhysicalConnectionType", List.of(kind.equals("wired") ? "0" : "3"));
            String[][] names = {{"macAddress", "MACAddress"}, {"linkIsUp", "LinkIsUp"}, {"dhcpEnabled", "DHCPEnabled"},
                    {"ipAddress", "IPAddress"}, {"subnetMask", "SubnetMask"}, {"defaultGateway", "DefaultGateway"},
                    {"primaryDNS", "PrimaryDNS"}, {"secondaryDNS", "SecondaryDNS"}, {"ipSyncEnabled", "IpSyncEnabled"},
                    {"sharedStaticIP", "SharedStaticIp"}, {"sharedMAC", "SharedMAC"}};
            for (String[] name : names) {
                p.put(name[1], List.of(port.path(name[0]).asText("")));
            }
            p.put("LinkPolicy", list(port.path("linkPolicy")).stream()
                    .map(l -> String.valueOf(LINK_POLICIES.getOrDefault(l.asText(), 0))).toList());
            ports.add(EthernetPort.from(new CimObject("AMT_EthernetPortSettings", p)));
            for (JsonNode network : list(port.path("wifiNetworks"))) {
                profiles.add(WifiProfile.from(new CimObject("CIM_WiFiEndpointSettings", Map.of(
                        "ElementName", List.of(network.path("elementName").asText("")),
                        "SSID", List.of(network.path("ssid").asText("")),
                        "Priority", List.of(network.path("priority").asText("0")),
                        "AuthenticationMethod", List.of(String.valueOf(AUTHENTICATION.getOrDefault(
                                network.path("authenticationMethod").asText(), 0))),
                        "EncryptionMethod", List.of(String.valueOf(ENCRYPTION.getOrDefault(
                                network.path("encryptionMethod").asText(), 0)))))));
            }
        }
        return new NetworkSettings(ports, 0, profiles);
    }

    /**
     * eventLog.ts's decoded records, rebuilt into the 21-byte PET record they came from and decoded as WS-Man
     * records are, so names match the local path. Lost: MPS shifted each time stamp by its own time zone's offset,
     * which the reply does not say (nothing on a server running in UTC).
     */
    static List<EventRecord> events(JsonNode reply) {
        List<EventRecord> events = new ArrayList<>();
        for (JsonNode e : list(reply.isArray() ? reply : reply.path("records"))) {
            if (e.path("EventSeverity").isTextual()) {
                events.add(consoleEvent(e));
                continue;
            }
            byte[] pet = new byte[PetRecordDecoder.RECORD_LENGTH];
            long seconds = time(e.path("TimeStamp")).map(Instant::getEpochSecond).orElse(0L);
            for (int i = 0; i < 4; i++) {
                pet[i] = (byte) (seconds >>> (8 * i));
            }
            String[] fields = {"DeviceAddress", "EventSensorType", "EventType", "EventOffset", "EventSourceType",
                    "EventSeverity", "SensorNumber", "Entity", "EntityInstance"};
            for (int i = 0; i < fields.length; i++) {
                pet[4 + i] = (byte) e.path(fields[i]).asInt(0);
            }
            List<JsonNode> data = list(e.path("EventData"));
            for (int i = 0; i < 8 && i < data.size(); i++) {
                pet[13 + i] = (byte) data.get(i).asInt(0);
            }
            events.add(PetRecordDecoder.decode(pet));
        }
        return events;
    }

    /**
     * DMT Console's dto.EventLog (info.go fills only severity and entity names, the description and Go's time
     * text). Lost: sensor type, event offset and the raw severity and entity numbers, which it leaves out.
     */
    private static EventRecord consoleEvent(JsonNode e) {
        return new EventRecord(goTime(e.path("Time").asText("")).orElse(null), 0, 0, 0, 0, "",
                e.path("Desc").asText(""), e.path("EventSeverity").asText(""), e.path("Entity").asText(""));
    }

    /** Go's time.Time.String(): "2021-12-08 14:32:26 +0000 UTC", a fraction after the seconds when there is one. */
    static Optional<Instant> goTime(String text) {
        String[] parts = text.split(" ");
        if (parts.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(parts[0] + "T" + parts[1] + parts[2], GO_TIME).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** auditLog.ts's records (newest first there) in the device's order, oldest first. Lost: the extended data text (ExStr). */
    static List<AuditRecord> audit(List<JsonNode> newestFirst) {
        List<AuditRecord> records = new ArrayList<>();
        for (JsonNode r : newestFirst.reversed()) {
            records.add(new AuditRecord(r.path("AuditAppID").asInt(0), r.path("EventID").asInt(0),
                    r.path("AuditApp").asText(""), r.path("Event").asText(""), r.path("Initiator").asText(""),
                    time(r.path("Time")).orElse(null), r.path("NetAddress").asText("")));
        }
        return records;
    }

    /** getAMTFeatures.ts: {@code {redirection, KVM, SOL, IDER, …}}. */
    static RedirectionStatus redirection(JsonNode features) {
        return new RedirectionStatus(features.path("redirection").asBoolean(false), features.path("IDER").asBoolean(false),
                features.path("SOL").asBoolean(false), features.path("KVM").asBoolean(false));
    }

    /** getAMTFeatures.ts names OptInRequired ("none", "kvm", "all") and passes OptInState through. */
    static ConsentStatus consent(JsonNode features) {
        long required = switch (features.path("userConsent").asText("").toLowerCase(Locale.ROOT)) {
            case "none" -> 0;
            case "kvm" -> 1;
            default -> CONSENT_ALL;
        };
        return new ConsentStatus(required, features.path("optInState").asInt(0));
    }

    /**
     * getAMTFeatures.ts: redirection, KVM, SOL, IDER and userConsent; MPS reports neither whether the policy may
     * change (its POST simply tries) nor the KVM settings.
     */
    static Features features(JsonNode features) {
        return new Features(redirection(features), ConsentPolicy.of(consent(features).optInRequired()), true,
                Optional.empty());
    }

    /**
     * certificates/get.ts: certificates.publicKeyCertificateItems with instanceID, x509Certificate (base64 DER),
     * trustedRootCertificate and associatedProfiles, where "TLS" marks the certificate AMT_TLSCredentialContext names.
     */
    static CertificateListing certificates(JsonNode reply) throws IOException {
        List<DeviceCertificate> certificates = new ArrayList<>();
        Optional<String> tls = Optional.empty();
        for (JsonNode item : list(reply.path("certificates").path("publicKeyCertificateItems"))) {
            String id = item.path("instanceID").asText("");
            certificates.add(new DeviceCertificate(id, DeviceCertificate.decode(item.path("x509Certificate").asText("")),
                    item.path("trustedRootCertificate").asBoolean(false)));
            for (JsonNode profile : list(item.path("associatedProfiles"))) {
                if ("TLS".equals(profile.asText()) && !item.path("trustedRootCertificate").asBoolean(false)) {
                    tls = Optional.of(id);
                }
            }
        }
        return new CertificateListing(certificates, tls);
    }

    private static Optional<JsonNode> tree(byte[] body) {
        try {
            return Optional.of(ApiClient.JSON.readTree(body));
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> time(JsonNode node) {
        try {
            return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static UUID uuid(String guid) {
        try {
            return UUID.fromString(guid);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    /** A class's single {@code response}, else the first of its {@code responses}. */
    private static JsonNode first(JsonNode cls) {
        if (cls.path("response").isObject()) {
            return cls.path("response");
        }
        List<JsonNode> all = new ArrayList<>();
        each(cls, all::add);
        return all.isEmpty() ? ApiClient.JSON.missingNode() : all.getFirst();
    }

    /** Every instance under {@code responses}, which MPS nests as an array of objects or of arrays. */
    private static void each(JsonNode cls, Consumer<JsonNode> action) {
        for (JsonNode item : list(cls.path("responses"))) {
            for (JsonNode instance : list(item)) {
                if (instance.isObject()) {
                    action.accept(instance);
                }
            }
        }
    }

    /** An array's elements, or a lone object as a list of one. */
    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(all::add);
        } else if (node.isObject()) {
            all.add(node);
        }
        return all;
    }
}
