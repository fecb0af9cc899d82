package dev.outband.wsman.soap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** An endpoint reference: a resource URI and the selectors that pick one instance. */
public record Reference(String resourceUri, Map<String, String> selectors) {
    public Reference {
        selectors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
    }

    public static Reference of(String className, String... nameValues) {
        Map<String, String> selectors = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            selectors.put(nameValues[i], nameValues[i + 1]);
        }
        return new Reference(Namespaces.resourceUri(className), selectors);
    }

    /**
     * The reference an EPR element carries (its ReferenceParameters), or empty when the element is no
     * EPR. A selector whose value is itself an EPR keeps that EPR's text only.
     */
    public static Optional<Reference> fromEpr(Element epr) {
        Element parameters = ResponseEnvelope.child(epr, Namespaces.ADDRESSING, "ReferenceParameters");
        Element uri = parameters == null ? null : ResponseEnvelope.child(parameters, Namespaces.WSMAN, "ResourceURI");
        if (uri == null) {
            return Optional.empty();
        }
        Map<String, String> selectors = new LinkedHashMap<>();
        Element set = ResponseEnvelope.child(parameters, Namespaces.WSMAN, "SelectorSet");
        if (set != null) {
            for (Element selector : ResponseEnvelope.elements(set)) {
                selectors.put(selector.getAttribute("Name"), selector.getTextContent().trim());
            }
        }
        return Optional.of(new Reference(uri.getTextContent().trim(), selectors));
    }

    /** The value of one selector, or empty. */
    public String selector(String name) {
        return selectors.getOrDefault(name, "");
    }

    /** The SelectorSet element with the w: prefix. */
    public String selectorSetXml() {
        return selectorSetXml("w");
    }

    /** The SelectorSet element with the given prefix for the WS-Man namespace. */
    public String selectorSetXml(String w) {
        if (selectors.isEmpty()) {
            return "";
        }
        StringBuilder xml = new StringBuilder("<" + w + ":SelectorSet>");
        selectors.forEach((name, value) -> xml.append("<" + w + ":Selector Name=\"").append(Xml.escape(name))
                .append("\">").append(Xml.escape(value)).append("</" + w + ":Selector>"));
        return xml.append("</" + w + ":SelectorSet>").toString();
    }

    /** This reference as the content of an EPR-typed argument, with prefixes a: and w:. */
    public String eprXml() {
        return eprXml("a", "w");
    }

    /** This reference as EPR content with the given prefixes for the addressing and WS-Man namespaces. */
    public String eprXml(String a, String w) {
        return "<" + a + ":Address>" + Namespaces.ANONYMOUS + "</" + a + ":Address>"
                + "<" + a + ":ReferenceParameters><" + w + ":ResourceURI>" + Xml.escape(resourceUri) + "</" + w
                + ":ResourceURI>" + selectorSetXml(w) + "</" + a + ":ReferenceParameters>";
    }
}
