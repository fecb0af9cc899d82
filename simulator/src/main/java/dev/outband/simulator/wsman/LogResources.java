package dev.outband.simulator.wsman;

import dev.outband.simulator.device.LogEntry;
import dev.outband.simulator.device.PetEvent;
import dev.outband.simulator.device.VirtualDevice;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Event log, audit log and redirection switches. */
final class LogResources {
    private static final int AUDIT_PAGE = 10;

    private LogResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("AMT_MessageLog", d -> List.of(Instance.of("AMT_MessageLog")
                                .with("CreationClassName", "AMT_MessageLog").with("ElementName", "Intel(r) AMT:MessageLog 1")
                                .with("MaxNumberOfRecords", d.logs().capacity())
                                .with("Name", "Intel(r) AMT:MessageLog 1")
                                .with("NumberOfRecords", d.logs().events().size())))
                        .method("PositionToFirstRecord", (d, in) -> Instance.output("AMT_MessageLog",
                                "PositionToFirstRecord", 0).with("IterationIdentifier", 1))
                        .method("GetRecords", LogResources::records)
                        .build(),
                ResourceClass.of("AMT_AuditLog", d -> List.of(Instance.of("AMT_AuditLog")
                                .with("CreationClassName", "AMT_AuditLog")
                                .with("CurrentNumberOfRecords", d.logs().audit().size())
                                .with("ElementName", "Intel(r) AMT:Audit Log").with("EnabledState", 2)
                                .with("MaxNumberOfRecords", d.logs().capacity()).with("Name", "Intel(r) AMT:Audit Log")))
                        .method("ReadRecords", LogResources::audit)
                        .build(),
                ResourceClass.of("AMT_RedirectionService", d -> List.of(Instance.of("AMT_RedirectionService")
                                .with("AccessLog", List.of())
                                .with("CreationClassName", "AMT_RedirectionService")
                                .with("ElementName", "Intel(r) AMT Redirection Service")
                                .with("EnabledState", 32768 + (d.redirection().ider() ? 1 : 0)
                                        + (d.redirection().sol() ? 2 : 0))
                                .with("ListenerEnabled", d.redirection().listener())
                                .with("Name", "Intel(r) AMT Redirection Service")
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")))
                        .put((d, body) -> {
                            d.redirection().setListener(body.getBoolean("ListenerEnabled"));
                            return Instance.of("AMT_RedirectionService")
                                    .with("ListenerEnabled", d.redirection().listener());
                        })
                        .method("RequestStateChange", (d, in) -> {
                            long state = in.getLong("RequestedState", -1);
                            if (state < 32768 || state > 32771) {
                                return Instance.output("AMT_RedirectionService", "RequestStateChange", 5);
                            }
                            d.redirection().setFeatures((state & 1) != 0, (state & 2) != 0);
                            return Instance.output("AMT_RedirectionService", "RequestStateChange", 0);
                        })
                        .build(),
                ResourceClass.of("CIM_KVMRedirectionSAP", d -> List.of(Instance.of("CIM_KVMRedirectionSAP")
                                .with("CreationClassName", "CIM_KVMRedirectionSAP")
                                .with("ElementName", "KVM Redirection Service Access Point")
                                .with("EnabledState", d.redirection().kvm() ? 2 : 3)
                                .with("KVMProtocol", 4)
                                .with("Name", "KVM Redirection Service Access Point")
                                .with("RequestedState", d.redirection().kvm() ? 2 : 3)
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "ManagedSystem")))
                        .method("RequestStateChange", (d, in) -> {
                            long state = in.getLong("RequestedState", -1);
                            if (state != 2 && state != 3) {
                                return Instance.output("CIM_KVMRedirectionSAP", "RequestStateChange", 5);
                            }
                            d.redirection().setKvm(state == 2);
                            return Instance.output("CIM_KVMRedirectionSAP", "RequestStateChange", 0);
                        })
                        .build(),
                ResourceClass.of("IPS_KVMRedirectionSettingData", d -> List.of(
                        Instance.of("IPS_KVMRedirectionSettingData")
                                .with("BackToBackFbMode", false).with("DefaultScreen", 0)
                                .with("ElementName", "Intel(r) KVM Redirection Settings")
                                .with("EnabledByMEBx", true).with("InitialDecimationModeForLowRes", 0)
                                .with("InstanceID", "Intel(r) KVM Redirection Settings")
                                .with("Is5900PortEnabled", false).with("OptInPolicy", d.consent().required() != 0)
                                .with("OptInPolicyTimeout", 300).with("SessionTimeout", 3)
                                .with("ZlibControlSupported", true))).build());
    }

    /** AMT returns the newest records first, all on one page here. */
    private static Instance records(VirtualDevice d, dev.outband.wsman.soap.CimObject in) {
        List<PetEvent> events = d.logs().events().reversed();
        List<String> encoded = events.stream().map(LogResources::pet).toList();
        return Instance.output("AMT_MessageLog", "GetRecords", 0)
                .with("IterationIdentifier", events.size() + 1)
                .with("NoMoreRecords", true)
                .with("RecordArray", encoded);
    }

    private static Instance audit(VirtualDevice d, dev.outband.wsman.soap.CimObject in) {
        List<LogEntry> all = d.logs().audit();
        int start = (int) Math.max(1, in.getLong("StartIndex", 1));
        List<String> page = all.stream().skip(start - 1L).limit(AUDIT_PAGE).map(LogResources::audit).toList();
        return Instance.output("AMT_AuditLog", "ReadRecords", 0)
                .with("TotalRecordCount", all.size())
                .with("RecordsReturned", page.size())
                .with("EventRecords", page);
    }

    /**
     * A 21-byte PET record as AMT_MessageLog carries it: the time stamp little-endian, then device address,
     * sensor type, event type, offset, source, severity, sensor number, entity, instance and event data.
     */
    static String pet(PetEvent e) {
        ByteBuffer b = ByteBuffer.allocate(21).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) e.time().getEpochSecond());
        b.put((byte) 0xFF).put((byte) e.sensorType()).put((byte) 0x6F).put((byte) e.eventOffset());
        b.put((byte) 0x68).put((byte) e.severity()).put((byte) 0xFF).put((byte) e.entity()).put((byte) 0x00);
        b.put((byte) 0x40).put((byte) e.data2());
        return Base64.getEncoder().encodeToString(b.array());
    }

    static String audit(LogEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] user = e.initiator().getBytes(StandardCharsets.UTF_8);
        byte[] address = "127.0.0.1".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(5).putShort((short) e.appId()).putShort((short) e.eventId())
                .put((byte) 0).array());
        out.write(user.length);
        out.writeBytes(user);
        out.writeBytes(ByteBuffer.allocate(5).putInt((int) e.time().getEpochSecond()).put((byte) 0).array());
        out.write(address.length);
        out.writeBytes(address);
        out.write(0);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
