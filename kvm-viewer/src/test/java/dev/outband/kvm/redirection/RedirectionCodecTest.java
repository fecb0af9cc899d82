package dev.outband.kvm.redirection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class RedirectionCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void startKvmSessionIsTheEightBytesAmtExpects() {
        byte[] b = RedirectionCodec.encode(new RedirectionMessage.StartSession(SessionType.KVM));
        assertThat(HEX.formatHex(b)).isEqualTo("100100004b564d52");
    }

    @Test
    void aStartReplyWithOemDataIsReadWhole() throws Exception {
        byte[] reply = HEX.parseHex("110000000100" + "0f0057010000" + "02" + "0102");
        var m = RedirectionCodec.readFromDevice(new ByteArrayInputStream(reply));
        assertThat(m).isInstanceOfSatisfying(RedirectionMessage.StartSessionReply.class,
                r -> assertThat(r.oemData()).containsExactly(1, 2));
    }

    @Test
    void anAuthQueryReplyListsTheSupportedTypes() throws Exception {
        byte[] reply = HEX.parseHex("14000000000100000004");
        var m = RedirectionCodec.readFromDevice(new ByteArrayInputStream(reply));
        assertThat(m).isInstanceOfSatisfying(RedirectionMessage.AuthenticateReply.class,
                r -> assertThat(r.data()).containsExactly(4));
    }

    @Test
    void authenticationDataOf0xFFFFFFFFBytesIsRefusedBeforeAllocating() {
        byte[] reply = HEX.parseHex("1401000004ffffffff");
        assertThatThrownBy(() -> RedirectionCodec.readFromDevice(new ByteArrayInputStream(reply)))
                .isInstanceOf(RedirectionException.class).hasMessageContaining("4294967295 bytes exceeds");
    }

    @Test
    void theDigestResponseFollowsTheQopFormula() {
        // MD5(MD5("admin:Digest:A:pw"):n:00000002:c:auth:MD5("POST:/RedirectionService")), computed independently
        String r = DigestAuth.response("admin", "pw".toCharArray(), "Digest:A", "n", "00000002", "c", "auth",
                DigestAuth.URI);
        assertThat(r).hasSize(32).isEqualTo(md5(md5("admin:Digest:A:pw") + ":n:00000002:c:auth:"
                + md5("POST:/RedirectionService")));
    }

    private static String md5(String s) {
        try {
            return HEX.formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
