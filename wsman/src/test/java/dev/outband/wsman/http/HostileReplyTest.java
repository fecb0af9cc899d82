package dev.outband.wsman.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.HttpClients;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A tiny raw HTTP server on a real socket serves replies no honest AMT would send. */
@Timeout(20)
class HostileReplyTest {
    private static final String OK_HEAD = "<?xml version=\"1.0\"?><a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:b=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><a:Header><b:RelatesTo>";

    @Test
    void anExternalEntityIsRefusedBeforeAnythingIsFetched() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\"><a:Body>&e;</a:Body></a:Envelope>";
        assertThatThrownBy(() -> call(id -> xxe, WsmanSettings.defaults()))
                .isInstanceOf(WsmanException.MalformedReply.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void aReplyThatIsNotXmlIsMalformed() {
        assertThatThrownBy(() -> call(id -> "<html>oops", WsmanSettings.defaults()))
                .isInstanceOf(WsmanException.MalformedReply.class)
                .hasMessageStartingWith("Malformed reply from AMT: not well-formed XML");
    }

    @Test
    void anOversizedReplyIsCutOffWhileReading() {
        String big = OK_HEAD + "x".repeat(200_000);
        assertThatThrownBy(() -> call(id -> big, WsmanSettings.defaults().withMaxBodyBytes(64 * 1024)))
                .isInstanceOf(WsmanException.MalformedReply.class)
                .hasMessage("Malformed reply from AMT: reply larger than 65536 bytes");
    }

    @Test
    void aReplyToSomeoneElsesMessageIsRejected() {
        String other = OK_HEAD + "uuid:not-ours</b:RelatesTo></a:Header><a:Body><x/></a:Body></a:Envelope>";
        assertThatThrownBy(() -> call(id -> other, WsmanSettings.defaults()))
                .isInstanceOf(WsmanException.MalformedReply.class)
                .hasMessageContaining("RelatesTo");
    }

    @Test
    void aWellFormedReplyWithOurMessageIdIsAccepted() throws Exception {
        var general = call(id -> OK_HEAD + id + "</b:RelatesTo></a:Header><a:Body><g:AMT_GeneralSettings "
                + "xmlns:g=\"http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings\"><g:HostName>pc1"
                + "</g:HostName></g:AMT_GeneralSettings></a:Body></a:Envelope>", WsmanSettings.defaults());
        assertThat(general.get("HostName")).isEqualTo("pc1");
    }

    @Test
    void aWebServerThatIsNotAmtIsNamedWithItsStatus() {
        assertThatThrownBy(() -> call("404 Not Found", id -> "", WsmanSettings.defaults()))
                .isInstanceOf(WsmanException.Unreachable.class)
                .hasMessageEndingWith(" answers HTTP 404, not as AMT's WS-Man service")
                .hasMessageContaining("127.0.0.1:");
    }

    @Test
    void aReplyTrickledAByteAtATimeEndsAtTheCallDeadlineThoughNoReadEverTimesOut() throws Exception {
        // Each byte comes well within the read timeout; only the whole call's deadline can end this.
        WsmanSettings settings = WsmanSettings.defaults().withReadTimeout(Duration.ofSeconds(2))
                .withCallTimeout(Duration.ofSeconds(3));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofVirtual().start(() -> trickle(server, Duration.ofMillis(400), 1000));
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> AmtClient.connect(HttpClients.shared(), DeviceEndpoint.http("127.0.0.1",
                        server.getLocalPort(), new DigestCredentials("admin", "pw")), settings)
                        .wsman().get("AMT_GeneralSettings"))
                        .isInstanceOf(WsmanException.NetworkTimeout.class)
                        .hasMessage("Network timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(2500),
                        Duration.ofSeconds(8));
            } finally {
                server.close();
                serverThread.join(Duration.ofSeconds(5));
            }
        }
    }

    /** Announces a body of {@code length} bytes and sends it one byte per {@code every}, until the client leaves. */
    private static void trickle(ServerSocket server, Duration every, int length) {
        try (Socket s = server.accept()) {
            RawHttpServer.read(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < length && !server.isClosed(); i++) {
                Thread.sleep(every);
                out.write(' ');
                out.flush();
            }
        } catch (IOException | InterruptedException clientLeft) {
            // The client gave up; that is what the test waits for.
        }
    }

    private static dev.outband.wsman.soap.CimObject call(Function<String, String> reply, WsmanSettings settings)
            throws Exception {
        return call("200 OK", reply, settings);
    }

    /** Serves one request with the body {@code reply(messageId)} and performs a Get through the real client. */
    private static dev.outband.wsman.soap.CimObject call(String status, Function<String, String> reply,
            WsmanSettings settings) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofVirtual().start(() -> answerOnce(server, status, reply));
            try {
                return AmtClient.connect(HttpClients.shared(), DeviceEndpoint.http("127.0.0.1", server.getLocalPort(),
                        new DigestCredentials("admin", "pw")), settings).wsman().get("AMT_GeneralSettings");
            } finally {
                server.close();
                serverThread.join();
            }
        }
    }

    private static void answerOnce(ServerSocket server, String status, Function<String, String> reply) {
        try (Socket s = server.accept()) {
            String request = RawHttpServer.read(s.getInputStream()).bodyText();
            int at = request.indexOf("<a:MessageID>") + "<a:MessageID>".length();
            String id = request.substring(at, request.indexOf('<', at));
            byte[] body = reply.apply(id).getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/soap+xml\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException closedByTest) {
            // The client may hang up early on an oversized body; nothing left to serve.
        }
    }
}
