package dev.outband.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.redirection.RedirectionException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The relay's digest rewriting against the byte layouts written out in DMT mps' src/utils/redirectInterceptor.ts
 * (built here byte by byte from that file, not with our codec), fed in pieces as a network delivers them.
 */
class RelayInterceptorTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "Sim-Passw0rd";
    private static final String URL = "/RedirectionService";

    @Test
    void theFirstDigestRequestBecomesMpsBlankRequestWithTheStoredUser() throws Exception {
        RelayInterceptor relay = new RelayInterceptor(USER, PASSWORD.toCharArray());
        byte[] emptyUser = authenticate(4, concat(new byte[] {0}, new byte[] {0, 0}, lv(URL), new byte[4]));
        byte[] sent = feedInPieces(relay, emptyUser);
        // redirectInterceptor.ts: 0x13 0 0 0 4, length user+url+8, len user, user, 0 0, len url, url, 0 0 0 0
        byte[] expected = concat(new byte[] {0x13, 0, 0, 0, 4}, le32(USER.length() + URL.length() + 8), lv(USER),
                new byte[] {0, 0}, lv(URL), new byte[4]);
        assertThat(sent).isEqualTo(expected);
    }

    @Test
    void afterAmtsChallengeTheResponseIsComputedWithTheStoredPasswordAndThenBytesPassUnchanged() throws Exception {
        RelayInterceptor relay = new RelayInterceptor(USER, PASSWORD.toCharArray());
        feedInPieces(relay, authenticate(4, concat(new byte[] {0}, new byte[] {0, 0}, lv(URL), new byte[4])));
        // AMT's challenge: 0x14, status 1 (failed), 0 0, type 4, length, realm, nonce, qop
        byte[] challenge = concat(lv("Digest:ABCD"), lv("nonce-1"), lv("auth"));
        byte[] reply = concat(new byte[] {0x14, 1, 0, 0, 4}, le32(challenge.length), challenge);
        assertThat(relay.deviceToBrowser(reply)).isEqualTo(reply);

        byte[] emptyResponse = authenticate(4, concat(lv(""), lv("Digest:ABCD"), lv("nonce-1"), lv(URL), lv("c"),
                lv("00000002"), lv("x"), lv("auth")));
        byte[] sent = relay.browserToDevice(emptyResponse);
        String[] fields = fields(Arrays.copyOfRange(sent, 9, sent.length));
        assertThat(fields[0]).isEqualTo(USER);
        assertThat(fields[1]).isEqualTo("Digest:ABCD");
        assertThat(fields[2]).isEqualTo("nonce-1");
        assertThat(fields[3]).isEqualTo(URL);
        assertThat(fields[4]).hasSize(20);
        assertThat(fields[5]).isEqualTo("00000001");
        // RFC 2617 with qop=auth, method POST, as Common.ComputeDigesthash does
        String ha1 = md5(USER + ":Digest:ABCD:" + PASSWORD);
        String ha2 = md5("POST:" + URL);
        assertThat(fields[6]).isEqualTo(md5(ha1 + ":nonce-1:00000001:" + fields[4] + ":auth:" + ha2));
        assertThat(fields[7]).isEqualTo("auth");

        byte[] accepted = concat(new byte[] {0x14, 0, 0, 0, 4}, le32(0));
        assertThat(relay.deviceToBrowser(accepted)).isEqualTo(accepted);
        byte[] rfb = "RFB 004.000\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(relay.deviceToBrowser(rfb)).isEqualTo(rfb);
        byte[] anything = {0x40, 0, 0, 0, (byte) 0xFF};
        assertThat(relay.browserToDevice(anything)).isEqualTo(anything);
    }

    @Test
    void anOversizedOrUnknownHandshakeMessageEndsTheSession() {
        RelayInterceptor relay = new RelayInterceptor(USER, PASSWORD.toCharArray());
        assertThatThrownBy(() -> relay.browserToDevice(concat(new byte[] {0x13, 0, 0, 0, 4},
                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})))
                .isInstanceOf(RedirectionException.class).hasMessageContaining("exceeds the limit");
        RelayInterceptor other = new RelayInterceptor(USER, PASSWORD.toCharArray());
        assertThatThrownBy(() -> other.deviceToBrowser(new byte[] {0x55, 1, 2}))
                .isInstanceOf(RedirectionException.class).hasMessageContaining("0x55");
    }

    private static byte[] feedInPieces(RelayInterceptor relay, byte[] message) throws RedirectionException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < message.length; i += 3) {
            out.writeBytes(relay.browserToDevice(Arrays.copyOfRange(message, i, Math.min(message.length, i + 3))));
        }
        return out.toByteArray();
    }

    private static byte[] authenticate(int type, byte[] data) {
        return concat(new byte[] {0x13, 0, 0, 0, (byte) type}, le32(data.length), data);
    }

    private static byte[] lv(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) b.length}, b);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String[] fields(byte[] data) {
        String[] out = new String[8];
        int at = 0;
        for (int i = 0; i < 8; i++) {
            int len = data[at] & 0xFF;
            out[i] = new String(data, at + 1, len, StandardCharsets.UTF_8);
            at += 1 + len;
        }
        return out;
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
