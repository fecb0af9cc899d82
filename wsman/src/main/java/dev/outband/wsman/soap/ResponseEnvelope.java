package dev.outband.wsman.soap;

import dev.outband.wsman.SoapFaultException;
import dev.outband.wsman.WsmanException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A parsed reply: header checks, fault detection and the body's content. */
public final class ResponseEnvelope {
    private final Element header;
    private final Element body;

    private ResponseEnvelope(Element header, Element body) {
        this.header = header;
        this.body = body;
    }

    /** Parses the reply, turns a fault into its exception and checks RelatesTo against our MessageID. */
    public static ResponseEnvelope parse(byte[] xml, String expectedRelatesTo) throws WsmanException {
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SAXException | IOException e) {
            throw new WsmanException.MalformedReply("not well-formed XML or a DOCTYPE (" + e.getMessage() + ")", e);
        }
        Element root = doc.getDocumentElement();
        if (!Namespaces.SOAP.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new WsmanException.MalformedReply("not a SOAP envelope", null);
        }
        Element body = child(root, Namespaces.SOAP, "Body");
        if (body == null) {
            throw new WsmanException.MalformedReply("no SOAP body", null);
        }
        Element header = child(root, Namespaces.SOAP, "Header");
        Element fault = child(body, Namespaces.SOAP, "Fault");
        if (fault != null) {
            throw fault(fault);
        }
        Element relatesTo = header == null ? null : child(header, Namespaces.ADDRESSING, "RelatesTo");
        if (relatesTo == null || !expectedRelatesTo.equals(relatesTo.getTextContent().trim())) {
            throw new WsmanException.MalformedReply("RelatesTo does not match our MessageID", null);
        }
        return new ResponseEnvelope(header, body);
    }

    public Element header() {
        return header;
    }

    public Element body() {
        return body;
    }

    /** The body's first element, required. */
    public Element content() throws WsmanException {
        Element first = firstElement(body);
        if (first == null) {
            throw new WsmanException.MalformedReply("empty SOAP body", null);
        }
        return first;
    }

    public static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && (ns == null || ns.equals(e.getNamespaceURI()))) {
                return e;
            }
        }
        return null;
    }

    public static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    public static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static SoapFaultException fault(Element fault) {
        Element code = child(fault, Namespaces.SOAP, "Code");
        String codeValue = text(code == null ? null : child(code, Namespaces.SOAP, "Value"));
        Element sub = code == null ? null : child(code, Namespaces.SOAP, "Subcode");
        String subValue = text(sub == null ? null : child(sub, Namespaces.SOAP, "Value"));
        Element reason = child(fault, Namespaces.SOAP, "Reason");
        String reasonText = text(reason == null ? null : child(reason, Namespaces.SOAP, "Text"));
        return new SoapFaultException(codeValue, subValue, reasonText);
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().trim();
    }
}
