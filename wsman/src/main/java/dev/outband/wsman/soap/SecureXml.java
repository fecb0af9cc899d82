package dev.outband.wsman.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** Parses XML from a peer with DTDs and external entities refused. */
public final class SecureXml {
    /**
     * Parsers kept for reuse: a new one costs about as much as parsing a WS-Man reply, and virtual threads
     * make a parser per thread useless. A few per core cover every parse that can run at once.
     */
    private static final int KEPT_PARSERS = 4 * Runtime.getRuntime().availableProcessors();
    private static final DocumentBuilderFactory FACTORY = factory();
    private static final BlockingQueue<DocumentBuilder> PARSERS = new ArrayBlockingQueue<>(KEPT_PARSERS);

    private SecureXml() {
    }

    public static Document parse(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder = PARSERS.poll();
        if (builder == null) {
            builder = newBuilder();
        }
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } finally {
            // reset() returns the parser to the factory's settings, the refused DTDs and entities included.
            builder.reset();
            builder.setErrorHandler(null);
            PARSERS.offer(builder);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // A DOCTYPE is never legitimate in SOAP; refusing it stops XXE and entity expansion at once.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
