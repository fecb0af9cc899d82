package dev.outband.wsman.soap;

import java.util.List;

/** One input of an invoked method or one property of a Put/Create body. */
public sealed interface Argument {
    String name();

    record Value(String name, String value) implements Argument {
    }

    record Values(String name, List<String> values) implements Argument {
    }

    record Epr(String name, Reference reference) implements Argument {
    }

    static Argument of(String name, Object value) {
        return new Value(name, String.valueOf(value));
    }

    static Argument epr(String name, Reference reference) {
        return new Epr(name, reference);
    }

    /** Writes the argument under the h: prefix. */
    default String toXml() {
        return switch (this) {
            case Value v -> element(v.name(), Xml.escape(v.value()));
            case Values vs -> {
                StringBuilder xml = new StringBuilder();
                vs.values().forEach(v -> xml.append(element(vs.name(), Xml.escape(v))));
                yield xml.toString();
            }
            case Epr e -> element(e.name(), e.reference().eprXml());
        };
    }

    private static String element(String name, String content) {
        return "<h:" + name + ">" + content + "</h:" + name + ">";
    }
}
