package dev.outband.simulator.wsman;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.http.WsmanTransport;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.RequestEnvelope;
import dev.outband.wsman.soap.ResponseEnvelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.w3c.dom.Element;

/** Our WS-Man client's raw calls, returning the reply's body element so tests can check its exact shape. */
public final class RawWsman {
    private final WsmanSettings settings = WsmanSettings.defaults();
    private final WsmanTransport transport;
    private final WsmanClient client;

    public RawWsman(DeviceEndpoint endpoint) {
        HttpUrl url = new HttpUrl.Builder().scheme(endpoint.tls() ? "https" : "http").host(endpoint.host())
                .port(endpoint.port()).addPathSegment("wsman").build();
        this.transport = new WsmanTransport(HttpClients.forDevice(HttpClients.shared(), endpoint, settings), url,
                settings);
        this.client = new WsmanClient(transport, settings);
    }

    public WsmanClient client() {
        return client;
    }

    public Element invoke(String className, String method, Argument... inputs) throws WsmanException {
        return send(RequestEnvelope.invoke(Reference.of(className), method, List.of(inputs),
                settings.operationTimeout())).content();
    }

    public Element get(Reference target) throws WsmanException {
        return send(RequestEnvelope.get(target, settings.operationTimeout())).content();
    }

    public Element put(Reference target, Argument... properties) throws WsmanException {
        return send(RequestEnvelope.put(target, List.of(properties), settings.operationTimeout())).content();
    }

    public Element create(Reference target, Argument... properties) throws WsmanException {
        return send(RequestEnvelope.create(target, List.of(properties), settings.operationTimeout())).content();
    }

    /** Delete; returns the reply's body, which AMT leaves empty. */
    public Element delete(Reference target) throws WsmanException {
        return send(RequestEnvelope.delete(target, settings.operationTimeout())).body();
    }

    public ResponseEnvelope send(RequestEnvelope request) throws WsmanException {
        return ResponseEnvelope.parse(transport.post(request.xml()), request.messageId());
    }

    /** The local names of an element's children, in order. */
    public static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        ResponseEnvelope.elements(parent).forEach(e -> names.add(e.getLocalName()));
        return names;
    }

    public static String text(Element parent, String localName) {
        for (Element e : ResponseEnvelope.elements(parent)) {
            if (e.getLocalName().equals(localName)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError(parent.getLocalName() + " has no " + localName);
    }

    public static Element child(Element parent, String localName) {
        for (Element e : ResponseEnvelope.elements(parent)) {
            if (e.getLocalName().equals(localName)) {
                return e;
            }
        }
        throw new AssertionError(parent.getLocalName() + " has no " + localName);
    }

    /** An EPR's resource URI (in the WS-Man namespace under addressing ReferenceParameters). */
    public static String resourceUri(Element epr) {
        Element params = ResponseEnvelope.child(epr, Namespaces.ADDRESSING, "ReferenceParameters");
        return ResponseEnvelope.child(params, Namespaces.WSMAN, "ResourceURI").getTextContent().trim();
    }

    /** An EPR's selectors by name, in order; an EPR-valued selector as its text. */
    public static Map<String, String> selectors(Element epr) {
        Element params = ResponseEnvelope.child(epr, Namespaces.ADDRESSING, "ReferenceParameters");
        Element set = ResponseEnvelope.child(params, Namespaces.WSMAN, "SelectorSet");
        Map<String, String> selectors = new LinkedHashMap<>();
        for (Element s : ResponseEnvelope.elements(set)) {
            selectors.put(s.getAttribute("Name"), s.getTextContent().trim());
        }
        return selectors;
    }

    /** The items of an enumeration, all pulled. */
    public List<Element> enumerate(String className) throws WsmanException {
        Reference target = Reference.of(className);
        Element started = send(RequestEnvelope.enumerate(target, settings.operationTimeout())).content();
        String context = ResponseEnvelope.child(started, Namespaces.ENUMERATION, "EnumerationContext")
                .getTextContent().trim();
        List<Element> items = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            Element pulled = send(RequestEnvelope.pull(target, context, 20, settings.operationTimeout())).content();
            Element itemsElement = ResponseEnvelope.child(pulled, Namespaces.ENUMERATION, "Items");
            if (itemsElement != null) {
                items.addAll(ResponseEnvelope.elements(itemsElement));
            }
            if (ResponseEnvelope.child(pulled, Namespaces.ENUMERATION, "EndOfSequence") != null) {
                return items;
            }
            context = ResponseEnvelope.child(pulled, Namespaces.ENUMERATION, "EnumerationContext")
                    .getTextContent().trim();
        }
        throw new AssertionError("no EndOfSequence after 100 pulls");
    }
}
