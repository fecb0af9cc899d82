package dev.outband.simulator.wsman;

import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.Xml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CIM instance or method output the device sends; values are String, List of String or Reference. */
public final class Instance {
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

    public String toXml() {
        StringBuilder xml = new StringBuilder("<h:").append(className).append(" xmlns:h=\"").append(resourceUri)
                .append("\">");
        properties.forEach((name, value) -> {
            switch (value) {
                case List<?> list -> list.forEach(v -> element(xml, name, Xml.escape(String.valueOf(v))));
                case Reference ref -> element(xml, name, ref.eprXml("b", "c"));
                default -> element(xml, name, Xml.escape(String.valueOf(value)));
            }
        });
        return xml.append("</h:").append(className).append(">").toString();
    }

    private static void element(StringBuilder xml, String name, String content) {
        xml.append("<h:").append(name).append(">").append(content).append("</h:").append(name).append(">");
    }
}
