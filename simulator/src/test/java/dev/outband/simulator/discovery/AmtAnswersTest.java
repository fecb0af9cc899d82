package dev.outband.simulator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.discovery.PresencePing;
import dev.outband.wsman.discovery.RmcpCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the simulator answers a scanner, checked against outside shapes: the ping's and pong's bytes written by
 * hand from the fact sheet's table (MeshCommander's scanner, FreeIPMI), the 401 of /wsman in the header order
 * and challenge spelling of the AMT 11.8 answer recorded in device-management-toolkit/rps' fixtures, and the
 * front page's 303 to /logon.htm from MeshCentral's amtscanner.js sample.
 */
@Timeout(30)
class AmtAnswersTest {
    @Test
    void thePongCarriesIntelsIanaThePortTheVersionAndTheState() throws Exception {
        try (LoopbackLan lan = LoopbackLan.start(List.of(new LoopbackLan.Host(7, true, true, "11.8.50")));
                DatagramSocket scanner = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            scanner.setSoTimeout(5_000);
            byte[] ping = HexFormat.of().parseHex("06000006000011be802a0000");
            scanner.send(new DatagramPacket(ping, ping.length, InetAddress.ofLiteral(lan.prefix + 7), lan.rmcpPort));
            byte[] buffer = new byte[64];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            scanner.receive(answer);
            String port = String.format("%04x", lan.httpPort);
            // tag 2A echoed; IANA 0x157; the plain port; 0xB8 = 11.8; 0x06 = post-provisioned + both ports; ASF 1.0.
            assertThat(HexFormat.of().formatHex(Arrays.copyOf(buffer, answer.getLength())))
                    .isEqualTo("0600ff06000011be402a0010" + "00000157" + port + "b8" + "06" + "01" + "20"
                            + "000000000000");
            assertThat(answer.getPort()).isEqualTo(lan.rmcpPort);
        }
    }

    @Test
    void anUnprovisionedPlainDeviceSaysPreProvisioningWithoutTheTlsBit() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("fresh", "admin", "P@ssw0rd!")
                .withAmtVersion("15.0.23").withProvisioningState(DeviceConfig.PRE_PROVISIONING));
        String prefix = LoopbackLan.randomPrefix();
        DeviceFleet.Member member = DeviceFleet.Member.onAddress(device, InetAddress.ofLiteral(prefix + 3), 0, 0, null);
        try {
            byte[] pong = RmcpCodec.encode(member.ports().pong(new PresencePing(1)));
            assertThat(pong[18]).as("15.0: major nibble F, minor 0").isEqualTo((byte) 0xF0);
            assertThat(pong[19]).as("pre-provisioning, one port").isZero();
        } finally {
            member.ports().close();
        }
    }

    @Test
    void theFrontPageRedirectsToTheLogonPageNamingTheVersion() throws Exception {
        try (LoopbackLan lan = LoopbackLan.start(List.of(new LoopbackLan.Host(8, false, true, "11.8.50")))) {
            List<String> head = get(lan.prefix + 8, lan.httpPort, "/");
            assertThat(head).containsExactly("HTTP/1.1 303 See Other", "Location: /logon.htm",
                    "Server: Intel(R) Active Management Technology 11.8.50.2049", "Content-Length: 0",
                    "Connection: close");
        }
    }

    @Test
    void wsmanWithoutCredentialsAnswersAsTheRecordedAmt401() throws Exception {
        try (LoopbackLan lan = LoopbackLan.start(List.of(new LoopbackLan.Host(9, false, false, "11.8.50")))) {
            List<String> head = get(lan.prefix + 9, lan.httpPort, "/wsman");
            assertThat(head).hasSize(6);
            assertThat(head.get(0)).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(head.get(1)).matches("WWW-Authenticate: Digest realm=\"Digest:[0-9A-F]{32}\", "
                    + "nonce=\"[^\"]+\",stale=\"false\",qop=\"auth\"");
            assertThat(head.subList(2, 6)).satisfiesExactly(
                    h -> assertThat(h).isEqualTo("Content-Type: text/html"),
                    h -> assertThat(h).isEqualTo("Server: Intel(R) Active Management Technology 11.8.50.2049"),
                    h -> assertThat(h).startsWith("Content-Length: "),
                    h -> assertThat(h).isEqualTo("Connection: close"));
        }
    }

    /** The status line and headers of an unauthenticated GET, as sent. */
    private static List<String> get(String host, int port, String path) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (bytes.size() < 16 * 1024 && !bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                bytes.write(b);
            }
            return List.of(bytes.toString(StandardCharsets.ISO_8859_1).strip().split("\r\n"));
        }
    }
}
