package dev.outband.wsman.amt;

import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.ResponseEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real AMT replies from go-wsman-messages (see recorded/README.md), parsed as the client parses any reply. */
public final class RecordedReplies {
    private static final Pattern RELATES_TO = Pattern.compile("<b:RelatesTo>([^<]*)</b:RelatesTo>");

    private RecordedReplies() {
    }

    /** The instance a recorded Get returned. */
    public static CimObject get(String file) throws IOException {
        return CimObject.from(envelope(file).content());
    }

    /** The items of a recorded Pull. */
    public static List<CimObject> pulled(String file) throws IOException {
        var items = ResponseEnvelope.child(envelope(file).content(), Namespaces.ENUMERATION, "Items");
        return ResponseEnvelope.elements(items).stream().map(CimObject::from).toList();
    }

    private static ResponseEnvelope envelope(String file) throws IOException {
        byte[] xml;
        try (InputStream in = RecordedReplies.class.getResourceAsStream("recorded/" + file)) {
            if (in == null) {
                throw new IOException("no recorded reply " + file);
            }
            xml = in.readAllBytes();
        }
        Matcher m = RELATES_TO.matcher(new String(xml, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IOException(file + " has no RelatesTo");
        }
        return ResponseEnvelope.parse(xml, m.group(1));
    }
}
