package dev.outband.wsman.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.outband.wsman.WsmanException;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * Coverage-guided: whatever bytes come back as a WS-Man reply body, the client reads it the way
 * {@code WsmanClient} does (envelope, fault, RelatesTo, body content, enumeration items, CIM
 * properties) and either gets its objects or a {@link WsmanException} (malformed reply or SOAP
 * fault), nothing else. Seeds are AMT replies recorded in the public go-wsman-messages test data
 * (RelatesTo set to the id this test expects) and a SOAP 1.2 fault: {@code ResponseEnvelopeFuzzTestInputs/}.
 */
class ResponseEnvelopeFuzzTest {
    private static final String MESSAGE_ID = "0";

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyReplyBodyParsesToCimObjectsOrAWsmanError(byte[] reply) {
        try {
            ResponseEnvelope envelope = ResponseEnvelope.parse(reply, MESSAGE_ID);
            Element content = envelope.content();
            CimObject object = CimObject.from(content);
            object.getLong("ReturnValue", -1);
            object.getBoolean("EndOfSequence");
            Element items = ResponseEnvelope.child(content, Namespaces.ENUMERATION, "Items");
            if (items != null) {
                for (Element item : ResponseEnvelope.elements(items)) {
                    assertThat(CimObject.from(item).className()).isNotNull();
                }
            }
        } catch (WsmanException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }
}
