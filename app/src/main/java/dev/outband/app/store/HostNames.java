package dev.outband.app.store;

import java.util.regex.Pattern;

/**
 * Tells whether a string names a host: a hostname or FQDN, an IPv4 address, or an IPv6 address, each optionally
 * with a port as MeshCommander and URLs write it ({@code host:port}, {@code [v6]:port}); a bare IPv6 address has
 * no port (its last group would be ambiguous).
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX_GROUP = Pattern.compile("(?i)[0-9a-f]{1,4}");

    private static final String BAD_PORT = "Not a valid port after ':' (1 to 65535)";

    private HostNames() {
    }

    /** A host and the port typed after it (null when none was). */
    public record Address(String host, Integer port) {
    }

    /**
     * Splits {@code text} into host and port without judging either: {@code [v6]:port}, {@code host:port} (one
     * colon), else all host. A port that is not a number stays in the host, so {@link #problem} names it.
     */
    public static Address split(String text) {
        String t = text == null ? "" : text.strip();
        int close = t.lastIndexOf("]:");
        if (t.startsWith("[") && close > 0) {
            Integer port = port(t.substring(close + 2));
            return port == null ? new Address(t, null) : new Address(t.substring(1, close), port);
        }
        int colon = t.indexOf(':');
        if (colon > 0 && colon == t.lastIndexOf(':')) {
            Integer port = port(t.substring(colon + 1));
            return port == null ? new Address(t, null) : new Address(t.substring(0, colon), port);
        }
        return new Address(t, null);
    }

    /** {@code host}, or with a port {@code host:port} and {@code [v6]:port}: what {@link #split} reads back. */
    public static String join(String host, Integer port) {
        if (port == null) {
            return host;
        }
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** True for null (no port) and 1..65535. */
    public static boolean isPort(Integer port) {
        return port == null || (port >= 1 && port <= 65_535);
    }

    private static Integer port(String digits) {
        if (!digits.matches("[0-9]{1,5}")) {
            return null;
        }
        return Integer.parseInt(digits);
    }

    /** Null when valid, else a short reason a technician understands. */
    public static String problem(String host) {
        if (host == null || host.isBlank()) {
            return "Host is required";
        }
        Address address = split(host);
        if (!isPort(address.port())) {
            return BAD_PORT;
        }
        String h = address.host();
        if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) {
            return BAD_PORT;
        }
        if (h.contains(":")) {
            return isIpv6(h) ? null : "Not a valid IPv6 address";
        }
        if (h.matches("[0-9.]+")) {
            return isIpv4(h) ? null : "Not a valid IPv4 address";
        }
        return isHostname(h) ? null : "Not a valid hostname (letters, digits, '-' and '.')";
    }

    public static boolean isValid(String host) {
        return problem(host) == null;
    }

    static boolean isIpv4(String s) {
        var m = IPV4.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            String part = m.group(i);
            if (Integer.parseInt(part) > 255 || (part.length() > 1 && part.startsWith("0"))) {
                return false;
            }
        }
        return true;
    }

    static boolean isHostname(String s) {
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        String addr = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        int zone = addr.indexOf('%');
        if (zone >= 0) {
            addr = addr.substring(0, zone);
        }
        int groupsWanted = 8;
        if (addr.contains(".")) {
            int lastColon = addr.lastIndexOf(':');
            if (!isIpv4(addr.substring(lastColon + 1))) {
                return false;
            }
            addr = addr.substring(0, lastColon + 1) + "0:0";
        }
        int dc = addr.indexOf("::");
        if (dc != addr.lastIndexOf("::")) {
            return false;
        }
        if (dc >= 0) {
            String head = addr.substring(0, dc);
            String tail = addr.substring(dc + 2);
            int count = groups(head) + groups(tail);
            return count >= 0 && count < groupsWanted;
        }
        return groups(addr) == groupsWanted;
    }

    /** Number of valid hex groups separated by ':', or a large negative number when one is bad. */
    private static int groups(String part) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        for (String g : groups) {
            if (!HEX_GROUP.matcher(g).matches()) {
                return -100;
            }
        }
        return groups.length;
    }
}
