package dev.outband.wsman.amt.log;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads the event log (AMT_MessageLog) and the audit log (AMT_AuditLog), decoded. */
public final class LogService {
    private static final Reference MESSAGE_LOG = Reference.of("AMT_MessageLog", "CreationClassName",
            "AMT_MessageLog", "Name", "Intel(r) AMT:MessageLog 1");
    private static final Reference AUDIT_LOG = Reference.of("AMT_AuditLog", "CreationClassName", "AMT_AuditLog",
            "Name", "Intel(r) AMT:Audit Log");
    private static final int MAX_RECORDS = 10_000;

    private final WsmanClient wsman;

    public LogService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public List<EventRecord> events() throws WsmanException {
        String iterator = wsman.invoke(MESSAGE_LOG, "PositionToFirstRecord", List.of()).get("IterationIdentifier");
        List<EventRecord> out = new ArrayList<>();
        while (out.size() < MAX_RECORDS) {
            CimObject page = wsman.invoke(MESSAGE_LOG, "GetRecords",
                    List.of(Argument.of("IterationIdentifier", iterator), Argument.of("MaxReadRecords", 390)));
            for (String record : page.all("RecordArray")) {
                out.add(decodeEvent(record));
            }
            if (page.getBoolean("NoMoreRecords") || page.all("RecordArray").isEmpty()) {
                return out;
            }
            iterator = page.get("IterationIdentifier");
        }
        return out;
    }

    public List<AuditRecord> audit() throws WsmanException {
        List<AuditRecord> out = new ArrayList<>();
        int start = 1;
        while (out.size() < MAX_RECORDS) {
            CimObject page = wsman.invoke(AUDIT_LOG, "ReadRecords", List.of(Argument.of("StartIndex", start)));
            List<String> records = page.all("EventRecords");
            for (String record : records) {
                out.add(decodeAudit(record));
            }
            long total = page.getLong("TotalRecordCount", 0);
            start += records.size();
            if (records.isEmpty() || start > total) {
                return out;
            }
        }
        return out;
    }

    private static EventRecord decodeEvent(String base64) throws WsmanException {
        try {
            return PetRecordDecoder.decode(decode(base64));
        } catch (IllegalArgumentException e) {
            throw new WsmanException.MalformedReply("event record: " + e.getMessage(), e);
        }
    }

    private static AuditRecord decodeAudit(String base64) throws WsmanException {
        try {
            return AuditRecordDecoder.decode(decode(base64));
        } catch (IllegalArgumentException e) {
            throw new WsmanException.MalformedReply("audit record: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String base64) throws WsmanException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64", e);
        }
    }
}
