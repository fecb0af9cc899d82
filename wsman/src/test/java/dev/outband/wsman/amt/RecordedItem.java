package dev.outband.wsman.amt;

import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.SecureXml;
import java.nio.charset.StandardCharsets;

/** One instance or method output of a recorded AMT reply, given as its properties' XML, read as the client reads it. */
public final class RecordedItem {
    private RecordedItem() {
    }

    public static CimObject parse(String resourceUri, String element, String properties) throws Exception {
        String xml = "<h:" + element + " xmlns:h=\"" + resourceUri + "\">" + properties + "</h:" + element + ">";
        return CimObject.from(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
    }
}
