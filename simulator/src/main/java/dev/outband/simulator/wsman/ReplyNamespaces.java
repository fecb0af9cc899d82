package dev.outband.simulator.wsman;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The class namespaces one reply uses, each with its prefix, declared on the Envelope as AMT declares
 * them: the instance elements themselves carry no attributes, so a server that copies an instance into a
 * Put copies no stray namespace declarations.
 */
final class ReplyNamespaces {
    static final String COMMON = "http://schemas.dmtf.org/wbem/wscim/1/common";
    static final String COMMON_PREFIX = "i";
    /** h first, as AMT names the class namespace; i stays the DMTF common namespace's. */
    private static final String PREFIXES = "hjklmnopqrstuvwxyz";

    private final Map<String, String> prefixes = new LinkedHashMap<>();

    /** The prefix of a resource URI's namespace, given the first time it is asked for. */
    String prefixFor(String resourceUri) {
        return prefixes.computeIfAbsent(resourceUri, uri -> {
            if (prefixes.size() >= PREFIXES.length()) {
                throw new IllegalStateException("more classes in one reply than prefixes");
            }
            return String.valueOf(PREFIXES.charAt(prefixes.size()));
        });
    }

    /** The xmlns attributes for the Envelope. */
    String declarations() {
        StringBuilder xml = new StringBuilder();
        prefixes.forEach((uri, prefix) -> xml.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"'));
        return xml.append(" xmlns:").append(COMMON_PREFIX).append("=\"").append(COMMON).append('"').toString();
    }
}
