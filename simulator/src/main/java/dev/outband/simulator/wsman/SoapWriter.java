package dev.outband.simulator.wsman;

import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Xml;
import java.util.UUID;

/** Writes reply envelopes with the header AMT sends (To, RelatesTo, Action, MessageID, ResourceURI). */
public final class SoapWriter {
    private SoapWriter() {
    }

    /** A reply whose body uses the class namespaces in {@code namespaces}, declared here on the Envelope. */
    static String reply(SoapRequest request, String action, String body, ReplyNamespaces namespaces) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<a:Envelope xmlns:a=\"" + Namespaces.SOAP + "\" xmlns:b=\"" + Namespaces.ADDRESSING
                + "\" xmlns:c=\"" + Namespaces.WSMAN + "\" xmlns:g=\"" + Namespaces.ENUMERATION + "\""
                + namespaces.declarations() + ">"
                + "<a:Header><b:To>" + Namespaces.ANONYMOUS + "</b:To>"
                + "<b:RelatesTo>" + Xml.escape(request.messageId()) + "</b:RelatesTo>"
                + "<b:Action a:mustUnderstand=\"true\">" + Xml.escape(action) + "</b:Action>"
                + "<b:MessageID>uuid:" + UUID.randomUUID() + "</b:MessageID>"
                + "<c:ResourceURI>" + Xml.escape(request.resourceUri()) + "</c:ResourceURI>"
                + "</a:Header><a:Body>" + body + "</a:Body></a:Envelope>";
    }

    public static String fault(String relatesTo, SoapFault fault) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<a:Envelope xmlns:a=\"" + Namespaces.SOAP + "\" xmlns:b=\"" + Namespaces.ADDRESSING
                + "\" xmlns:f=\"" + fault.subcodeNamespace() + "\">"
                + "<a:Header><b:To>" + Namespaces.ANONYMOUS + "</b:To>"
                + (relatesTo == null ? "" : "<b:RelatesTo>" + Xml.escape(relatesTo) + "</b:RelatesTo>")
                + "<b:Action a:mustUnderstand=\"true\">" + Namespaces.FAULT_ACTION + "</b:Action>"
                + "<b:MessageID>uuid:" + UUID.randomUUID() + "</b:MessageID></a:Header>"
                + "<a:Body><a:Fault><a:Code><a:Value>a:" + fault.code() + "</a:Value><a:Subcode><a:Value>f:"
                + fault.subcode() + "</a:Value></a:Subcode></a:Code><a:Reason><a:Text xml:lang=\"en-US\">"
                + Xml.escape(fault.getMessage()) + "</a:Text></a:Reason>"
                + "<a:Detail></a:Detail></a:Fault></a:Body></a:Envelope>";
    }
}
