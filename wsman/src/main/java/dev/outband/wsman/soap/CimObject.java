package dev.outband.wsman.soap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One instance or method output from a reply: class name and property values in document order, and
 * the references that EPR-valued properties carry (a created key pair, a context's certificate).
 */
public record CimObject(String className, Map<String, List<String>> properties, Map<String, Reference> references) {
    public CimObject {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    public CimObject(String className, Map<String, List<String>> properties) {
        this(className, properties, Map.of());
    }

    public static CimObject from(Element element) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        Map<String, Reference> references = new LinkedHashMap<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                properties.computeIfAbsent(child.getLocalName(), k -> new java.util.ArrayList<>())
                        .add(child.getTextContent().trim());
                Reference.fromEpr(child).ifPresent(r -> references.putIfAbsent(child.getLocalName(), r));
            }
        }
        return new CimObject(element.getLocalName(), properties, references);
    }

    /** The reference an EPR-valued property carries, or empty. */
    public Optional<Reference> reference(String name) {
        return Optional.ofNullable(references.get(name));
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

    /**
     * This instance as the body of a Put with some properties changed: AMT's Put replaces the whole
     * instance, so every other property goes back as read (empty ones left out, as AMT leaves them).
     */
    public List<Argument> withChanges(Map<String, ?> changes) {
        List<Argument> out = new java.util.ArrayList<>();
        properties.forEach((name, values) -> {
            if (changes.containsKey(name)) {
                out.add(Argument.of(name, changes.get(name)));
            } else if (!values.isEmpty() && !(values.size() == 1 && values.getFirst().isEmpty())) {
                out.add(new Argument.Values(name, values));
            }
        });
        changes.forEach((name, value) -> {
            if (!properties.containsKey(name)) {
                out.add(Argument.of(name, value));
            }
        });
        return out;
    }
}
