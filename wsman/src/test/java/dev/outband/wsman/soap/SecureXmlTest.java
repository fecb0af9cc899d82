package dev.outband.wsman.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xml.sax.SAXParseException;

@Timeout(30)
class SecureXmlTest {
    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<x>&e;</x>";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsersKeptForReuseStillRefuseADoctypeEveryTime() throws Exception {
        for (int round = 0; round < 100; round++) {
            assertThat(SecureXml.parse(utf8("<a n=\"" + round + "\"/>")).getDocumentElement().getAttribute("n"))
                    .isEqualTo(String.valueOf(round));
            assertThatThrownBy(() -> SecureXml.parse(utf8(XXE)))
                    .isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void aParserThatFailedHalfwayParsesTheNextDocumentFromItsStart() throws Exception {
        for (int round = 0; round < 50; round++) {
            assertThatThrownBy(() -> SecureXml.parse(utf8("<a><b>unclosed"))).isInstanceOf(SAXParseException.class);
            assertThat(SecureXml.parse(utf8("<c>text</c>")).getDocumentElement().getTextContent()).isEqualTo("text");
        }
    }

    @Test
    void manyThreadsParsingAtOnceEachGetTheirOwnDocument() throws Exception {
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 500; i++) {
                String id = "doc-" + i;
                results.add(threads.submit(() -> SecureXml.parse(utf8("<r id=\"" + id + "\"><v>" + id + "</v></r>"))
                        .getDocumentElement().getTextContent()));
            }
        }
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get()).isEqualTo("doc-" + i);
        }
    }
}
