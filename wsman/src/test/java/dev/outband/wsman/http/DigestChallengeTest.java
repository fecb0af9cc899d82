package dev.outband.wsman.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.WsmanException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Expected responses come from RFC 2617 section 3.5 and RFC 7616 section 3.9.1; where the RFCs give no
 * example (SHA-256-sess, auth-int, escaped names) from Python's hashlib over the formulas of RFC 7616 3.4.
 */
@Timeout(5)
class DigestChallengeTest {
    /** RFC 7616 section 3.9.1, the challenge as printed there (with the algorithm swapped in). */
    private static String rfc7616Challenge(String algorithm) {
        return "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + algorithm
                + ", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    }

    private static String answerRfc7616(String algorithm) throws Exception {
        return new DigestCredentials("Mufasa", "Circle of Life").authorization(
                DigestChallenge.parse(rfc7616Challenge(algorithm)), "GET", "/dir/index.html", new byte[0], 1,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
    }

    @Test
    void anAmtChallengeIsParsedIncludingStaleAndQuotedCommas() {
        DigestChallenge c = DigestChallenge.parse("Digest realm=\"Digest:A3829B3827DE4D33D4449B366831B2C4\", "
                + "nonce=\"a,b\", stale=\"true\", qop=\"auth\"");
        assertThat(c).isEqualTo(new DigestChallenge("Digest:A3829B3827DE4D33D4449B366831B2C4", "a,b", "auth", null,
                true, null));
    }

    @Test
    void aBasicChallengeIsNotDigest() {
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isNull();
    }

    @Test
    void theAuthorizationMatchesTheRfc2617Example() throws Exception {
        DigestChallenge c = new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth",
                "5ccc069c403ebaf9f0171e9517f40e41", false, null);
        String h = new DigestCredentials("Mufasa", "Circle Of Life")
                .authorization(c, "GET", "/dir/index.html", new byte[0], 1, "0a4f113b");
        assertThat(h).contains("response=\"6629fae49393a05397450978507c4ef1\"", "nc=00000001", "qop=auth")
                .doesNotContain("algorithm");
    }

    @Test
    void sha256IsAnsweredAsRfc7616Section391Shows() throws Exception {
        assertThat(answerRfc7616("SHA-256")).contains(
                "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"",
                "algorithm=SHA-256", "qop=auth,", "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
    }

    @Test
    void md5IsAnsweredAsRfc7616Section391Shows() throws Exception {
        assertThat(answerRfc7616("MD5")).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"", "algorithm=MD5",
                "qop=auth,");
    }

    @Test
    void sha256SessHashesTheNoncesIntoHa1() throws Exception {
        assertThat(answerRfc7616("SHA-256-sess")).contains(
                "response=\"2fd51b3a77ad75bad6afad6003e818d767133c46d9e2749e7f5232ae1ea3efd7\"",
                "algorithm=SHA-256-sess");
    }

    @Test
    void anAlgorithmWeDoNotKnowIsRefusedByName() {
        assertThatThrownBy(() -> answerRfc7616("SHA-512-256"))
                .isInstanceOf(WsmanException.UnsupportedAuthentication.class)
                .hasMessage("Cannot authenticate to AMT: unsupported digest algorithm SHA-512-256");
    }

    @Test
    void theFirstChallengeWeCanAnswerIsChosenInTheDevicesOrder() throws Exception {
        List<DigestChallenge> offered = DigestChallenge.parseAll(List.of(
                "Negotiate", rfc7616Challenge("SHA-512-256") + ", " + rfc7616Challenge("SHA-256"),
                rfc7616Challenge("MD5")));
        assertThat(offered).extracting(DigestChallenge::algorithm).containsExactly("SHA-512-256", "SHA-256", "MD5");
        assertThat(DigestChallenge.choose(offered).algorithm()).isEqualTo("SHA-256");
    }

    @Test
    void negotiateAndDigestInOneHeaderAreTwoChallenges() {
        assertThat(DigestChallenge.parse("Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXY=, Digest realm=\"r\", nonce=\"n\""))
                .isEqualTo(new DigestChallenge("r", "n", null, null, false, null));
        assertThat(DigestChallenge.parse("Negotiate, Digest realm=\"r\", nonce=\"n\", qop=\"auth\""))
                .isEqualTo(new DigestChallenge("r", "n", "auth", null, false, null));
    }

    @Test
    void authIntAloneIsAnsweredWithAuthIntOverTheBody() throws Exception {
        DigestChallenge c = DigestChallenge.parse("Digest realm=\"Digest:ABC\", nonce=\"n2\", qop=\"auth-int\"");
        String h = new DigestCredentials("admin", "P@ssw0rd").authorization(c, "POST", "/wsman",
                "<Envelope/>".getBytes(StandardCharsets.UTF_8), 1, "c2");
        assertThat(h).contains("qop=auth-int,", "response=\"38e3759d1dad99f321098aa494b1261a\"");
    }

    @Test
    void aQopWeDoNotKnowIsRefused() {
        DigestChallenge c = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\"");
        assertThatThrownBy(() -> new DigestCredentials("admin", "pw").authorization(c, "POST", "/wsman",
                new byte[0], 1, "c"))
                .isInstanceOf(WsmanException.UnsupportedAuthentication.class)
                .hasMessage("Cannot authenticate to AMT: unsupported digest qop \"auth-conf\"");
    }

    @Test
    void quotesAndBackslashesAreEscapedBothWays() throws Exception {
        DigestChallenge c = DigestChallenge.parse("Digest realm=\"lab \\\"x\\\"\", nonce=\"n1\", qop=\"auth\", "
                + "algorithm=SHA-256");
        assertThat(c.realm()).isEqualTo("lab \"x\"");
        String h = new DigestCredentials("ad\"m\\in", "pw").authorization(c, "POST", "/wsman", new byte[0], 1, "c1");
        assertThat(h).startsWith("Digest username=\"ad\\\"m\\\\in\", realm=\"lab \\\"x\\\"\",")
                .contains("response=\"eabc6fc83b77e648e0f4175f5ef75078c333cfe82356503dd65e540b118253be\"");
        assertThat(DigestChallenge.params(h.substring(7))).containsEntry("username", "ad\"m\\in")
                .containsEntry("realm", "lab \"x\"");
    }

    @Test
    void aLineBreakInAUserNameIsRefusedNotSent() {
        DigestChallenge c = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\"");
        assertThatThrownBy(() -> new DigestCredentials("admin\r\nX-Evil: 1", "pw").authorization(c, "POST", "/wsman",
                new byte[0], 1, "c"))
                .isInstanceOf(WsmanException.UnsupportedAuthentication.class)
                .hasMessageContaining("user name holds a control or non-ASCII character");
    }

    @Test
    void anUnquotedNonceWithSlashesIsReadWhole() {
        assertThat(DigestChallenge.parse("Digest realm=r, nonce=ab/c+d==, qop=auth"))
                .isEqualTo(new DigestChallenge("r", "ab/c+d==", "auth", null, false, null));
    }

    @Test
    void brokenChallengesEndTheListQuietly() {
        assertThat(DigestChallenge.parseAll(List.of("Digest realm=\"unterminated", "", "@@@", ",,,", "Digest =x",
                "Digest realm"))).isEmpty();
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(new DigestCredentials("admin", "S3cret!").toString()).doesNotContain("S3cret!").contains("admin");
    }
}
