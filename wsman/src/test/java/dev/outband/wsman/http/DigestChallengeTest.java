package dev.outband.wsman.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class DigestChallengeTest {
    @Test
    void anAmtChallengeIsParsedIncludingStaleAndQuotedCommas() {
        DigestChallenge c = DigestChallenge.parse("Digest realm=\"Digest:A3829B3827DE4D33D4449B366831B2C4\", "
                + "nonce=\"a,b\", stale=\"true\", qop=\"auth\"");
        assertThat(c).isEqualTo(new DigestChallenge("Digest:A3829B3827DE4D33D4449B366831B2C4", "a,b", "auth", null, true));
    }

    @Test
    void aBasicChallengeIsNotDigest() {
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isNull();
    }

    @Test
    void theAuthorizationMatchesTheRfc2617Example() {
        DigestChallenge c = new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth",
                "5ccc069c403ebaf9f0171e9517f40e41", false);
        String h = new DigestCredentials("Mufasa", "Circle Of Life")
                .authorization(c, "GET", "/dir/index.html", 1, "0a4f113b");
        assertThat(h).contains("response=\"6629fae49393a05397450978507c4ef1\"", "nc=00000001", "qop=auth");
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(new DigestCredentials("admin", "S3cret!").toString()).doesNotContain("S3cret!").contains("admin");
    }
}
