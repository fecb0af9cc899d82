package dev.outband.app.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.HostNames;
import dev.outband.app.store.Tags;
import dev.outband.app.store.TlsMode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MeshCommander's saved computer list, as its index.html reads and writes it (github.com/Ylianst/MeshCommander,
 * saveComputerListOk, addComputerButton, portsFromHost): {@code {"webappversion": ..., "computers": [...]}} with
 * each computer's {@code name}, {@code host}, {@code tags}, {@code user} and {@code pass} URL-encoded as
 * encodeURIComponent does, {@code tls} 0 or 1, and after a connection {@code ver} and {@code date}. A host carries
 * its ports as {@code host:http:redirection} or {@code [v6]:http:redirection}. User "*" is Kerberos, which Outband
 * does not speak. {@code tlscerthash} is a SHA-1 (Node's certificate fingerprint), so it cannot become a SHA-256
 * pin: such a device is imported with TLS verified and can be pinned on first connection. Problems name the entry
 * (from 1) and the line it starts on.
 */
public final class MeshCommanderDeviceList {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an export says wrote it, where MeshCommander writes its own version. */
    static final String WRITER = "Outband";
    /** JSON.stringify(list, null, '  ') with its line ends made CRLF, as MeshCommander saves (no final line end). */
    private static final DefaultPrettyPrinter MESHCOMMANDER_LAYOUT = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\r\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\r\n"));
    /** MeshCommander's user for a Kerberos entry. */
    private static final String KERBEROS = "*";

    private MeshCommanderDeviceList() {
    }

    public static ParsedList parse(String text) throws TransferException {
        return parse(new StringReader(text), TransferSettings.DEFAULTS);
    }

    public static ParsedList parse(Reader text, TransferSettings limits) throws TransferException {
        List<ParsedList.Entry> entries = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ObjectMapper json = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(limits.maxFieldChars()).maxNestingDepth(limits.maxJsonDepth()).build()).build());
        int line = 1;
        int entry = 0;
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TransferException("Not a MeshCommander list: expected a JSON object with \"computers\"");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"computers".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new TransferException("\"computers\" must be an array");
                }
                found = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    line = p.currentTokenLocation().getLineNr();
                    entry++;
                    JsonNode node = p.readValueAsTree();
                    readEntry(line, entry, node, entries, rejected);
                }
            }
            if (!found) {
                throw new TransferException("Not a MeshCommander list: no \"computers\" array");
            }
        } catch (StreamConstraintsException e) {
            throw new TransferException(where(line, entry) + ": " + (e.getMessage().startsWith("Document nesting")
                    ? "nested deeper than " + limits.maxJsonDepth() + " levels (setting maxJsonDepth)"
                    : "field longer than " + limits.maxFieldChars() + " characters (setting maxFieldChars)")
                    + "; nothing was imported", e);
        } catch (UnreadableText e) {
            throw new TransferException(where(line, entry) + ": " + e.getMessage() + "; nothing was imported", e);
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw new TransferException("Invalid JSON at line " + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TransferException("Cannot read the JSON list", e);
        }
        return new ParsedList(entries, rejected);
    }

    private static String where(int line, int entry) {
        return entry > 0 ? "Entry " + entry + " (line " + line + ")" : "Line " + line;
    }

    private static void readEntry(int line, int entry, JsonNode node, List<ParsedList.Entry> entries,
                                  List<Rejection> rejected) {
        if (!(node instanceof ObjectNode)) {
            rejected.add(new Rejection(line, entry, "entry is not an object"));
            return;
        }
        Boolean tls = tls(node.get("tls"));
        if (tls == null) {
            rejected.add(new Rejection(line, entry, "tls must be 0/1 or true/false, not " + node.get("tls")));
            return;
        }
        try {
            String user = text(node, "user");
            if (KERBEROS.equals(user)) {
                rejected.add(new Rejection(line, entry, "a Kerberos entry (user '*'): Outband signs in with Digest only"));
                return;
            }
            HostPorts host = HostPorts.parse(text(node, "host"));
            String name = text(node, "name");
            entries.add(new ParsedList.Entry(line, entry, new DeviceDraft(name.isEmpty() ? host.host() : name,
                    HostNames.join(host.host(), host.http()), user, text(node, "pass"), tls,
                    Tags.parse(tags(node.get("tags"))), host.redirection())));
        } catch (IllegalArgumentException e) {
            rejected.add(new Rejection(line, entry, e.getMessage()));
        }
    }

    /** A host as portsFromHost reads it: {@code host[:http[:redirection]]}, {@code [v6][:http[:redirection]]}. */
    record HostPorts(String host, Integer http, Integer redirection) {
        static HostPorts parse(String host) {
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("host '" + host + "' opens '[' without closing it");
                }
                String rest = host.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("host '" + host + "' has text after ']' that is not ':port'");
                }
                String[] ports = rest.isEmpty() ? new String[0] : rest.substring(1).split(":", -1);
                return of(host, host.substring(1, close), ports);
            }
            String[] parts = host.split(":", -1);
            // An IPv6 address written without brackets: "::" or more colons than host:http:redirection has.
            if (parts.length > 3 || host.contains("::")) {
                return new HostPorts(host, null, null);
            }
            return of(host, parts[0], Arrays.copyOfRange(parts, 1, parts.length));
        }

        private static HostPorts of(String whole, String host, String[] ports) {
            if (ports.length > 2) {
                throw new IllegalArgumentException("host '" + whole + "' has more than two ports");
            }
            return new HostPorts(host, ports.length > 0 ? port(whole, ports[0]) : null,
                    ports.length > 1 ? port(whole, ports[1]) : null);
        }

        private static Integer port(String whole, String digits) {
            Integer port = digits.matches("[0-9]{1,5}") ? Integer.valueOf(digits) : null;
            if (port == null || !HostNames.isPort(port)) {
                throw new IllegalArgumentException("host '" + whole + "': '" + digits + "' is not a port (1 to 65535)");
            }
            return port;
        }

        /** As MeshCommander writes it back: {@code host}, {@code host:http}, {@code host:http:redirection}. */
        String format() {
            String bracketed = host.contains(":") ? "[" + host + "]" : host;
            if (http == null) {
                return host;
            }
            return bracketed + ":" + http + (redirection == null ? "" : ":" + redirection);
        }
    }

    private static Boolean tls(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue() == 0 ? Boolean.FALSE : node.intValue() == 1 ? Boolean.TRUE : null;
        }
        return node.isTextual() ? Flags.tls(node.textValue()) : null;
    }

    /** MeshCommander writes one URL-encoded string; an array of them is read too. */
    private static String tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> tags = new ArrayList<>();
            node.forEach(t -> tags.add(decode("tags", t.asText())));
            return String.join(",", tags);
        }
        return decode("tags", node.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : decode(field, v.asText()).strip();
    }

    private static String decode(String field, String value) {
        try {
            return UriComponent.decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not URL-encoded as MeshCommander writes it: " + e.getMessage(), e);
        }
    }

    /** As MeshCommander saves a list: its fields URL-encoded, two-space indent and CRLF line ends. */
    public static String write(List<Device> devices, boolean includePasswords) {
        ObjectNode root = JSON.createObjectNode();
        root.put("webappversion", WRITER);
        ArrayNode computers = root.putArray("computers");
        for (Device d : devices) {
            ObjectNode c = computers.addObject();
            c.put("name", UriComponent.encode(d.name()));
            // MeshCommander's host names the HTTP port before the redirection port.
            Integer http = d.wsmanPort() == null && d.kvmPort() != null
                    ? Integer.valueOf(DeviceConnections.AMT_PORTS.wsman(d)) : d.wsmanPort();
            c.put("host", UriComponent.encode(new HostPorts(d.host(), http, d.kvmPort()).format()));
            c.put("tags", UriComponent.encode(Tags.join(d.tags(), ",")));
            c.put("user", UriComponent.encode(d.user() == null ? "" : d.user()));
            c.put("pass", includePasswords && d.password() != null ? UriComponent.encode(d.password().reveal()) : "");
            c.put("tls", d.tls() == TlsMode.NONE ? 0 : 1);
            if (d.state().amtVersion() != null) {
                c.put("ver", d.state().amtVersion());
            }
            if (d.state().lastSeen() != null) {
                c.put("date", d.state().lastSeen().toString());
            }
        }
        try {
            return JSON.writer(MESHCOMMANDER_LAYOUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON writing failed", e);
        }
    }
}
