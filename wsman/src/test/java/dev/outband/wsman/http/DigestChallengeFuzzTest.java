package dev.outband.wsman.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: any {@code WWW-Authenticate} value (bytes as HTTP carries them, ISO-8859-1) is
 * either a Digest challenge with a realm and a nonce, or not one (null); parsing never throws.
 * Seeds: the challenges of RFC 7616 section 3.9.1, RFC 2617 section 3.5 and AMT's own form:
 * {@code DigestChallengeFuzzTestInputs/}.
 */
class DigestChallengeFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyHeaderValueIsADigestChallengeOrNone(byte[] header) {
        DigestChallenge challenge = DigestChallenge.parse(new String(header, StandardCharsets.ISO_8859_1));
        if (challenge != null) {
            assertThat(challenge.realm()).isNotNull();
            assertThat(challenge.nonce()).isNotNull();
        }
    }
}
