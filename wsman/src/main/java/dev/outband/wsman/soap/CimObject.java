package dev.outband.wsman.soap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** One instance or method output from a reply: class name and property values in document order. */
public record CimObject(String className, Map<String, List<String>> properties) {
    public CimObject {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static CimObject from(Element element) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                properties.computeIfAbsent(child.getLocalName(), k -> new java.util.ArrayList<>())
                        .add(child.getTextContent().trim());
            }
        }
        return new CimObject(element.getLocalName(), properties);
    }

    public Optional<String> find(String name) {
        List<String> values = properties.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public String get(String name) {
        return find(name).orElse("");
    }

    public List<String> all(String name) {
        return properties.getOrDefault(name, List.of());
    }

    public long getLong(String name, long fallback) {
        try {
            return find(name).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String name) {
        return "true".equalsIgnoreCase(get(name));
    }
}
