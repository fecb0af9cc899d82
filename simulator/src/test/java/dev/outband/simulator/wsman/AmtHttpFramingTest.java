package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.RequestEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The device frames HTTP as AMT does. Expected framing from AMT replies recorded in the public DMT mps
 * test fixtures (src/amt/CIRAHandler.test.ts, CIRAChannel.test.ts): a 200 carries Date, Server,
 * X-Frame-Options, Content-Type and {@code Transfer-Encoding: chunked} with four-hex-digit chunk sizes
 * ending in {@code 0\r\n\r\n}; the 401 carries WWW-Authenticate, Content-Type text/html, Server,
 * Content-Length and {@code Connection: close}, and its body ends in {@code </html>}.
 */
@Timeout(20)
class AmtHttpFramingTest {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** One reply as read off the wire, with the chunk sizes it came in. */
    private record RawReply(String statusLine, Map<String, String> headers, byte[] body, List<Integer> chunks) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theChallengeHasAContentLengthAnHtmlPageAndClosesTheConnection() throws Exception {
        try (Fixture sim = new Fixture(); Socket socket = connect(sim)) {
            post(socket.getOutputStream(), enumerate(), null);
            InputStream in = socket.getInputStream();

            RawReply reply = read(in);

            assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(reply.headers().keySet()).containsExactly("WWW-Authenticate", "Content-Type", "Server",
                    "Content-Length", "Connection");
            assertThat(reply.headers()).containsEntry("Content-Type", "text/html")
                    .containsEntry("Connection", "close")
                    .containsEntry("Server", "Intel(R) Active Management Technology 16.1.25.2049");
            assertThat(reply.text()).endsWith("</html>");
            assertThat(in.read()).as("the device closed the connection after the challenge").isEqualTo(-1);
        }
    }

    @Test
    void aSoapReplyIsChunkedAndEndsWithTheZeroChunk() throws Exception {
        try (Fixture sim = new Fixture()) {
            String challenge;
            try (Socket first = connect(sim)) {
                post(first.getOutputStream(), enumerate(), null);
                challenge = read(first.getInputStream()).headers().get("WWW-Authenticate");
            }
            try (Socket socket = connect(sim)) {
                post(socket.getOutputStream(), enumerate(), authorization(challenge, "admin", "P@ssw0rd!"));

                RawReply reply = read(socket.getInputStream());

                assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(reply.headers().keySet()).containsExactly("Date", "Server", "X-Frame-Options",
                        "Content-Type", "Transfer-Encoding");
                assertThat(reply.headers()).containsEntry("Transfer-Encoding", "chunked")
                        .containsEntry("Content-Type", "application/soap+xml; charset=UTF-8")
                        .doesNotContainKey("Content-Length");
                assertThat(reply.chunks()).as("data chunks, then the zero chunk").hasSizeGreaterThan(2).last()
                        .isEqualTo(0);
                assertThat(reply.text()).contains("EnumerationContext").endsWith("</a:Envelope>");
            }
        }
    }

    @Test
    void ourClientReadsAReplySpreadOverManyChunks() throws Exception {
        try (Fixture sim = new Fixture()) {
            List<CimObject> software = sim.client().wsman().enumerate("CIM_SoftwareIdentity");

            assertThat(software).extracting(o -> o.get("InstanceID")).contains("AMT", "Build Number");
        }
    }

    private static Socket connect(Fixture sim) throws IOException {
        Socket socket = new Socket("127.0.0.1", sim.ports.httpPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String enumerate() {
        return RequestEnvelope.enumerate(Reference.of("CIM_SoftwareIdentity"), Duration.ofSeconds(60)).xml();
    }

    private static void post(OutputStream out, String xml, String authorization) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        String head = "POST /wsman HTTP/1.1\r\nHost: device\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Type: application/soap+xml; charset=UTF-8\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** RFC 2617 digest with qop=auth, computed here from the challenge, independently of our client. */
    private static String authorization(String challenge, String user, String password) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            p.put(m.group(1), m.group(2));
        }
        String cnonce = "0a4f113b";
        String nc = "00000001";
        String ha1 = md5(user + ":" + p.get("realm") + ":" + password);
        String ha2 = md5("POST:/wsman");
        String response = md5(ha1 + ":" + p.get("nonce") + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + p.get("realm") + "\", nonce=\"" + p.get("nonce")
                + "\", uri=\"/wsman\", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response
                + "\"";
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static RawReply read(InputStream in) throws IOException {
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon), h.substring(colon + 1).trim());
        }
        List<Integer> chunks = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equals(headers.get("Transfer-Encoding"))) {
            while (true) {
                String size = line(in);
                assertThat(size).as("chunk size as AMT writes it").matches("[0-9A-F]{4}|0");
                int length = Integer.parseInt(size, 16);
                chunks.add(length);
                if (length == 0) {
                    assertThat(line(in)).isEmpty();
                    break;
                }
                body.writeBytes(in.readNBytes(length));
                assertThat(line(in)).isEmpty();
            }
        } else {
            body.writeBytes(in.readNBytes(Integer.parseInt(headers.get("Content-Length"))));
        }
        return new RawReply(statusLine, headers, body.toByteArray(), chunks);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || sb.length() > 8192) {
                throw new IOException("reply ended mid-line: " + sb);
            }
            sb.append((char) b);
        }
        return sb.toString().stripTrailing();
    }
}
