package dev.outband.simulator.wsman;

import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.ResponseEnvelope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The parts of an incoming envelope the device acts on. */
public record SoapRequest(String action, String resourceUri, String messageId, Map<String, String> selectors,
        Map<String, Reference> referenceSelectors, Element content) {

    public String className() {
        return Namespaces.className(resourceUri);
    }

    /** The method name for an invoke action ({@code <resourceUri>/<Method>}), else null. */
    public String method() {
        return action.startsWith(resourceUri + "/") ? action.substring(resourceUri.length() + 1) : null;
    }

    public CimObject input() {
        return content == null ? new CimObject("", Map.of()) : CimObject.from(content);
    }

    public static SoapRequest from(Document doc) throws SoapFault {
        Element root = doc.getDocumentElement();
        Element header = ResponseEnvelope.child(root, Namespaces.SOAP, "Header");
        Element body = ResponseEnvelope.child(root, Namespaces.SOAP, "Body");
        if (header == null || body == null) {
            throw SoapFault.invalidHeader("missing SOAP header or body");
        }
        String action = text(header, Namespaces.ADDRESSING, "Action");
        String resourceUri = text(header, Namespaces.WSMAN, "ResourceURI");
        String messageId = text(header, Namespaces.ADDRESSING, "MessageID");
        if (action == null || resourceUri == null || messageId == null) {
            throw SoapFault.invalidHeader("Action, ResourceURI and MessageID are required");
        }
        Map<String, String> selectors = new LinkedHashMap<>();
        Map<String, Reference> references = new LinkedHashMap<>();
        Element set = ResponseEnvelope.child(header, Namespaces.WSMAN, "SelectorSet");
        if (set != null) {
            for (Element s : ResponseEnvelope.elements(set)) {
                selectors.put(s.getAttribute("Name"), s.getTextContent().trim());
                // A selector whose value is an EPR (Unsubscribe names a subscription by Filter and Handler).
                Element epr = ResponseEnvelope.child(s, Namespaces.ADDRESSING, "EndpointReference");
                if (epr != null) {
                    Reference.fromEpr(epr).ifPresent(r -> references.put(s.getAttribute("Name"), r));
                }
            }
        }
        return new SoapRequest(action, resourceUri, messageId, selectors, references,
                ResponseEnvelope.firstElement(body));
    }

    private static String text(Element parent, String ns, String name) {
        Element e = ResponseEnvelope.child(parent, ns, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
