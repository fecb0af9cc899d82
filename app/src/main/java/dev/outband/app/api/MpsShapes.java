package dev.outband.app.api;

import dev.outband.app.store.Device;
import dev.outband.cira.listener.DeviceSnapshot;
import dev.outband.wsman.amt.consent.ConsentService.ConsentStatus;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What we know about a device, in the JSON shapes DMT's MPS answers with (read from its sources: the Device model in
 * src/models/models.ts, the handlers in src/routes/devices and src/routes/amt). Fields MPS fills from calls that
 * {@code ManagedDevice} does not make are left out rather than invented.
 */
final class MpsShapes {
    static final String MPS_INSTANCE = "outband-lab-listener";
    /** MPS's AMTStatusCodes for the return values a power or consent call gives here. */
    private static final Map<Long, String> STATUS_NAMES = Map.of(0L, "SUCCESS", 1L, "INTERNAL_ERROR", 2L, "NOT_READY",
            0x10L, "NOT_PERMITTED", 0x24L, "INVALID_PARAMETER", 0x26L, "FLASH_WRITE_LIMIT_EXCEEDED");
    /** MPS's labels for power actions, in its order (src/routes/amt/powerCapabilities.ts). */
    private static final Map<String, Integer> ACTION_LABELS = labels();

    private MpsShapes() {
    }

    static Map<String, Object> device(DeviceDirectory.Entry entry) {
        Map<String, Object> d = new LinkedHashMap<>();
        Device stored = entry.stored().orElse(null);
        DeviceSnapshot connection = entry.connection().orElse(null);
        String address = connection == null ? (stored == null ? "" : stored.host()) : address(connection);
        d.put("guid", entry.guid());
        d.put("hostname", stored == null ? address : stored.host());
        d.put("friendlyName", stored == null ? "" : stored.name());
        d.put("tags", stored == null ? List.of() : stored.tags());
        d.put("mpsInstance", entry.connected() ? MPS_INSTANCE : null);
        d.put("connectionStatus", entry.connected());
        d.put("mpsusername", "");
        d.put("tenantId", "");
        d.put("dnsSuffix", "");
        if (connection != null) {
            d.put("lastConnected", connection.connectedSince().toString());
            Instant seen = connection.lastKeepAlive() == null ? connection.connectedSince() : connection.lastKeepAlive();
            d.put("lastSeen", seen.toString());
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("fwVersion", "");
        info.put("fwBuild", "");
        info.put("fwSku", "");
        info.put("currentMode", "");
        info.put("features", "");
        info.put("ipAddress", address);
        info.put("lastUpdated", connection == null ? null : connection.connectedSince().toString());
        d.put("deviceInfo", info);
        return d;
    }

    /** src/routes/amt/getPowerState.ts. */
    static Map<String, Object> powerState(PowerStatus status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("powerstate", status.cimState());
        p.put("OSPowerSavingState", status.osPowerSavingState());
        return p;
    }

    /** src/routes/amt/powerCapabilities.ts: label → action number, for the actions this device supports. */
    static Map<String, Integer> capabilities(Set<PowerAction> supported) {
        Map<String, Integer> map = new LinkedHashMap<>();
        ACTION_LABELS.forEach((label, number) -> PowerAction.byNumber(number)
                .filter(supported::contains).ifPresent(a -> map.put(label, number)));
        return map;
    }

    /** src/routes/amt/powerAction.ts: the RequestPowerStateChange output with its name, as Body. */
    static Map<String, Object> actionResult(long returnValue) {
        return Map.of("Body", returnValue(returnValue));
    }

    /** src/routes/amt/userConsent/*.ts: the call's output under Body, with its name added. */
    static Map<String, Object> consentResult(long returnValue) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Header", Map.of());
        r.put("Body", returnValue(returnValue));
        return r;
    }

    private static Map<String, Object> returnValue(long value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ReturnValue", value);
        body.put("ReturnValueStr", STATUS_NAMES.getOrDefault(value, "UNKNOWN_ERROR"));
        return body;
    }

    /** src/routes/amt/getVersion.ts: CIM_SoftwareIdentity's AMT entry and AMT_SetupAndConfigurationService. */
    static Map<String, Object> version(AmtIdentity identity) {
        Map<String, Object> amt = new LinkedHashMap<>();
        amt.put("InstanceID", "AMT");
        amt.put("IsEntity", true);
        amt.put("VersionString", identity.amtVersion());
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("responses", List.of(amt));
        software.put("status", 200);
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("ProvisioningMode", switch (identity.provisioningMode()) {
            case ADMIN_CONTROL -> 1;
            case CLIENT_CONTROL -> 4;
            case NONE, UNKNOWN -> 0;
        });
        setup.put("ProvisioningState", identity.provisioningState().ordinal());
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("response", setup);
        service.put("responses", Map.of("Header", Map.of(), "Body", setup));
        service.put("status", 200);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("CIM_SoftwareIdentity", software);
        v.put("AMT_SetupAndConfigurationService", service);
        return v;
    }

    /** src/routes/amt/getHardwareInfo.ts (formatResponse), from the fields our inventory reads. */
    static Map<String, Object> hardware(HardwareInventory inventory) {
        Map<String, Object> chassis = new LinkedHashMap<>();
        chassis.put("Manufacturer", inventory.manufacturer());
        chassis.put("Model", inventory.model());
        chassis.put("SerialNumber", inventory.serialNumber());
        Map<String, Object> bios = new LinkedHashMap<>();
        bios.put("Manufacturer", inventory.biosVendor());
        bios.put("Version", inventory.biosVersion());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("CIM_Chassis", single(chassis));
        h.put("CIM_BIOSElement", single(bios));
        h.put("CIM_Processor", many(inventory.processors().stream()
                .map(p -> (Object) Map.of("OtherFamilyDescription", p)).toList()));
        h.put("CIM_PhysicalMemory", many(List.of(Map.of("Capacity", inventory.memoryBytes()))));
        h.put("CIM_MediaAccessDevice", many(inventory.storage().stream()
                .map(s -> (Object) Map.of("DeviceID", s)).toList()));
        return h;
    }

    /** src/routes/amt/getGeneralSettings.ts: AMT_GeneralSettings' names from the identity we read. */
    static Map<String, Object> generalSettings(AmtIdentity identity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("HostName", identity.hostName());
        body.put("DomainName", identity.domainName());
        body.put("DigestRealm", identity.digestRealm());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Header", Map.of());
        r.put("Body", body);
        return r;
    }

    /** src/routes/amt/getAMTFeatures.ts. */
    static Map<String, Object> features(RedirectionStatus redirection, ConsentStatus consent) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("userConsent", consent.optInRequired() == 0 ? "none" : consent.optInRequired() == 1 ? "kvm" : "all");
        f.put("redirection", redirection.listenerEnabled());
        f.put("KVM", redirection.kvm());
        f.put("SOL", redirection.sol());
        f.put("IDER", redirection.ider());
        f.put("optInState", consent.optInState());
        f.put("kvmAvailable", true);
        f.put("ocr", false);
        f.put("httpsBootSupported", false);
        f.put("winREBootSupported", false);
        f.put("localPBABootSupported", false);
        f.put("remoteErase", false);
        return f;
    }

    /** src/routes/amt/eventLog.ts: one object per record, in the device's order. */
    static List<Map<String, Object>> events(List<EventRecord> records) {
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        for (EventRecord r : records) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("EventSensorType", r.sensorType());
            e.put("EventOffset", r.eventOffset());
            e.put("EventSeverity", r.severity());
            e.put("Entity", r.entity());
            e.put("TimeStamp", r.time() == null ? null : r.time().toString());
            e.put("EntityStr", r.entityName());
            e.put("Desc", r.description());
            out.add(e);
        }
        return out;
    }

    /** MPS answers ten audit records a page, as AMT reads them. */
    static final int AUDIT_PAGE = 10;

    /** src/routes/amt/auditLog.ts: {@code {totalCnt, records}}, newest first from {@code startIndex}. */
    static Map<String, Object> audit(List<AuditRecord> records, int startIndex) {
        List<AuditRecord> newestFirst = new ArrayList<>(records).reversed();
        int from = Math.min(Math.max(startIndex, 0), newestFirst.size());
        List<Map<String, Object>> page = new ArrayList<>();
        for (AuditRecord r : newestFirst.subList(from, Math.min(from + AUDIT_PAGE, newestFirst.size()))) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("AuditAppID", r.appId());
            a.put("EventID", r.eventId());
            a.put("AuditApp", r.application());
            a.put("Event", r.event());
            a.put("Initiator", r.initiator());
            a.put("Time", r.time() == null ? null : r.time().toString());
            a.put("NetAddress", r.address());
            page.add(a);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("totalCnt", records.size());
        result.put("records", page);
        return result;
    }

    private static Map<String, Object> single(Map<String, Object> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response", item);
        m.put("responses", List.of(item));
        m.put("status", 200);
        return m;
    }

    private static Map<String, Object> many(List<Object> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("responses", items);
        m.put("status", 200);
        return m;
    }

    private static String address(DeviceSnapshot snapshot) {
        if (snapshot.remoteAddress() instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return String.valueOf(snapshot.remoteAddress());
    }

    private static Map<String, Integer> labels() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Power up", 2);
        m.put("Power cycle", 5);
        m.put("Power down", 8);
        m.put("Reset", 10);
        m.put("Soft-off", 12);
        m.put("Soft-reset", 14);
        m.put("Sleep", 4);
        m.put("Hibernate", 7);
        m.put("Power up to BIOS", 100);
        m.put("Reset to BIOS", 101);
        m.put("Power on to diagnostic", 300);
        m.put("Reset to diagnostic", 301);
        m.put("Reset to PXE", 400);
        m.put("Power on to PXE", 401);
        return m;
    }
}
