package dev.outband.simulator.wsman;

import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.Xml;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CIM instance or method output the device sends; values are String, List of String, Reference or
 * {@link Common} (a datetime or interval wrapped in the DMTF common namespace, as AMT sends them).
 */
public final class Instance {
    /** A value inside an element of the common namespace, e.g. {@code <StartTime><Datetime>…</Datetime>}. */
    public record Common(String element, String value) {
        public static Common datetime(Instant time) {
            return new Common("Datetime", time.toString());
        }

        /** An xs:duration such as "P7D". */
        public static Common interval(String duration) {
            return new Common("Interval", duration);
        }
    }

    private final String className;
    private final String resourceUri;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Instance(String className, String resourceUri) {
        this.className = className;
        this.resourceUri = resourceUri;
    }

    public static Instance of(String className) {
        return new Instance(className, Namespaces.resourceUri(className));
    }

    /** A method's output element, e.g. RequestPowerStateChange_OUTPUT in the class's namespace. */
    public static Instance output(String className, String method, long returnValue) {
        return output(className, method).with("ReturnValue", returnValue);
    }

    /** A method's output element still empty, for outputs whose ReturnValue comes after other values. */
    public static Instance output(String className, String method) {
        return new Instance(method + "_OUTPUT", Namespaces.resourceUri(className));
    }

    public Instance with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public String className() {
        return className;
    }

    /** Whether each key that the selectors name has that value in this instance. */
    public boolean matches(List<String> keys, Map<String, String> selectors) {
        return keys.stream().filter(selectors::containsKey)
                .allMatch(k -> selectors.get(k).equals(String.valueOf(properties.get(k))));
    }

    /** The instance element; its prefixes come from, and are declared by, the reply's namespaces. */
    public String toXml(ReplyNamespaces namespaces) {
        String h = namespaces.prefixFor(resourceUri);
        String i = ReplyNamespaces.COMMON_PREFIX;
        StringBuilder xml = new StringBuilder("<").append(h).append(':').append(className).append('>');
        properties.forEach((name, value) -> {
            switch (value) {
                case List<?> list -> list.forEach(v -> element(xml, h, name, Xml.escape(String.valueOf(v))));
                case Reference ref -> element(xml, h, name, ref.eprXml("b", "c"));
                case Common c -> element(xml, h, name, "<" + i + ":" + c.element() + ">" + Xml.escape(c.value())
                        + "</" + i + ":" + c.element() + ">");
                default -> element(xml, h, name, Xml.escape(String.valueOf(value)));
            }
        });
        return xml.append("</").append(h).append(':').append(className).append('>').toString();
    }

    private static void element(StringBuilder xml, String prefix, String name, String content) {
        xml.append('<').append(prefix).append(':').append(name).append('>').append(content)
                .append("</").append(prefix).append(':').append(name).append('>');
    }
}
