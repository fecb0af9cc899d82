package dev.outband.wsman.amt.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Decodes AMT audit log records: app id, event id, initiator, time, network address. */
public final class AuditRecordDecoder {
    private static final Map<Integer, String> APPS = Map.ofEntries(
            Map.entry(16, "Security Admin"), Map.entry(17, "Remote Control"), Map.entry(18, "Redirection Manager"),
            Map.entry(19, "Firmware Update Manager"), Map.entry(20, "Security Audit Log"),
            Map.entry(21, "Network Time"), Map.entry(22, "Network Administration"),
            Map.entry(23, "Storage Administration"), Map.entry(24, "Event Manager"),
            Map.entry(25, "Circuit Breaker Manager"), Map.entry(26, "Agent Presence Manager"),
            Map.entry(27, "Wireless Configuration"), Map.entry(28, "EAC"), Map.entry(29, "KVM"),
            Map.entry(30, "User Opt-In"), Map.entry(32, "Screen Blanking"), Map.entry(33, "Watchdog"));
    private static final Map<Integer, String> EVENTS = Map.ofEntries(
            Map.entry(17_000, "Performed power up"), Map.entry(17_001, "Performed power down"),
            Map.entry(17_002, "Performed power cycle"), Map.entry(17_003, "Performed reset"),
            Map.entry(17_004, "Set boot options"),
            Map.entry(18_000, "IDE-R session opened"), Map.entry(18_001, "IDE-R session closed"),
            Map.entry(18_002, "IDE-R enabled"), Map.entry(18_003, "IDE-R disabled"),
            Map.entry(18_004, "SOL session opened"), Map.entry(18_005, "SOL session closed"),
            Map.entry(18_006, "SOL enabled"), Map.entry(18_007, "SOL disabled"),
            Map.entry(21_000, "AMT time set"),
            Map.entry(29_000, "KVM session opened"), Map.entry(29_001, "KVM session closed"),
            Map.entry(29_002, "KVM enabled"), Map.entry(29_003, "KVM disabled"),
            Map.entry(30_000, "Opt-in policy changed"), Map.entry(30_001, "User consent code sent"),
            Map.entry(30_002, "Start opt-in blocked"));

    private AuditRecordDecoder() {
    }

    public static AuditRecord decode(byte[] record) {
        try {
            ByteBuffer b = ByteBuffer.wrap(record);
            int appId = b.getShort() & 0xFFFF;
            int eventId = b.getShort() & 0xFFFF;
            int initiatorType = b.get() & 0xFF;
            String initiator = switch (initiatorType) {
                case 0 -> string(b);
                case 1 -> {
                    b.getInt();
                    yield "Kerberos " + string(b);
                }
                case 2 -> "Local";
                case 3 -> "KVM default port";
                default -> "Initiator " + initiatorType;
            };
            Instant time = Instant.ofEpochSecond(b.getInt() & 0xFFFFFFFFL);
            b.get();
            String address = string(b);
            return new AuditRecord(appId, eventId, APPS.getOrDefault(appId, "Application " + appId),
                    EVENTS.getOrDefault(appId * 1000 + eventId, "Event " + eventId), initiator, time, address);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("audit record truncated", e);
        }
    }

    /** A length-prefixed string; the length byte is checked against what is left. */
    private static String string(ByteBuffer b) {
        int length = b.get() & 0xFF;
        if (length > b.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
