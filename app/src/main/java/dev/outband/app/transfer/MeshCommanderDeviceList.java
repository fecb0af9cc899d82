package dev.outband.app.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.Tags;
import dev.outband.app.store.TlsMode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * MeshCommander's saved computer list: {@code {"computers":[{"name","host","user","pass","tls","tags"}]}},
 * tls as 0/1 or a boolean, tags as a string or an array. Line numbers are where each entry starts.
 */
public final class MeshCommanderDeviceList {
    private static final ObjectMapper JSON = new ObjectMapper();

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
                    JsonNode node = p.readValueAsTree();
                    readEntry(line, node, entries, rejected);
                }
            }
            if (!found) {
                throw new TransferException("Not a MeshCommander list: no \"computers\" array");
            }
        } catch (StreamConstraintsException e) {
            throw new TransferException("Line " + line + ": " + (e.getMessage().startsWith("Document nesting")
                    ? "nested deeper than " + limits.maxJsonDepth() + " levels (setting maxJsonDepth)"
                    : "field longer than " + limits.maxFieldChars() + " characters (setting maxFieldChars)")
                    + "; nothing was imported", e);
        } catch (UnreadableText e) {
            throw new TransferException("Line " + line + ": " + e.getMessage() + "; nothing was imported", e);
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw new TransferException("Invalid JSON at line " + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TransferException("Cannot read the JSON list", e);
        }
        return new ParsedList(entries, rejected);
    }

    private static void readEntry(int line, JsonNode node, List<ParsedList.Entry> entries, List<Rejection> rejected) {
        if (!(node instanceof ObjectNode)) {
            rejected.add(new Rejection(line, "entry is not an object"));
            return;
        }
        Boolean tls = tls(node.get("tls"));
        if (tls == null) {
            rejected.add(new Rejection(line, "tls must be 0/1 or true/false, not " + node.get("tls")));
            return;
        }
        String host = text(node, "host");
        String name = text(node, "name");
        entries.add(new ParsedList.Entry(line, new DeviceDraft(name.isEmpty() ? host : name, host,
                text(node, "user"), text(node, "pass"), tls, tags(node.get("tags")))));
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

    private static List<String> tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> tags = new ArrayList<>();
            node.forEach(t -> tags.addAll(Tags.parse(t.asText())));
            return tags;
        }
        return Tags.parse(node.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }

    public static String write(List<Device> devices, boolean includePasswords) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode computers = root.putArray("computers");
        for (Device d : devices) {
            ObjectNode c = computers.addObject();
            c.put("name", d.name());
            c.put("host", d.host());
            if (d.user() != null) {
                c.put("user", d.user());
            }
            if (includePasswords && d.password() != null) {
                c.put("pass", d.password().reveal());
            }
            c.put("tls", d.tls() == TlsMode.NONE ? 0 : 1);
            ArrayNode tags = c.putArray("tags");
            d.tags().forEach(tags::add);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON writing failed", e);
        }
    }
}
