package dev.outband.wsman.amt.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.WsmanException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * DERKey as real firmware reports it. The key is the first AMT_PublicPrivateKeyPair of the recorded
 * AMT reply in the public go-wsman-messages repository (responses/amt/publicprivate/pull.xml): a PKCS#1
 * RSAPublicKey. The expected SubjectPublicKeyInfo hash is what OpenSSL 3.0 makes of the same bytes
 * ({@code openssl rsa -pubin -inform DER -RSAPublicKey_in -pubout -outform DER | sha256sum}).
 */
class AmtPublicKeyTest {
    private static final String RECORDED_DER_KEY = "MIIBCgKCAQEA4y00wezZ1XwsSITMvqeYf61tgfVhlGbBVwq9Au0BaEgofPFCLuWMnKaTnMhUlJEGa"
            + "eB2y6F8qjId0xMwLtNY6XWhmMoCP0R+ymgClT0treqtYp2zL1QPK1R04KTgF0KZh247oQpPGnB2nIe7PKCjPaY8BfOyBC6eNLeWUVIOA5"
            + "TLL0gSTuk8y3iaadKo+LoWBaH/WDrIJ21Dzn6yU3zGueA8tphPH7yXaOJuNiijOUYZjVT7J0Ia8qMxUv1CrbfL2+N0lrcCG/E4f0QF1X"
            + "goCJnwIHdYaNhWzKVhfh2TTZIxJo8bXngckNOLzdYM35hUq98CxPiMSO8+G7J8RZaobQIDAQAB";
    private static final String OPENSSL_SPKI_SHA256 = "3e29f000f1ef1f765a3298f0323d679d3bdba498ca06e14176c8ec0c40cf6d71";
    /** The DER header OpenSSL puts before the PKCS#1 key to make a SubjectPublicKeyInfo. */
    private static final String SPKI_PREFIX = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A";

    @Test
    void aRecordedAmtKeyIsReadAsTheRsaKeyOpenSslSees() throws Exception {
        RSAPublicKey key = (RSAPublicKey) AmtPublicKey.parse(RECORDED_DER_KEY);
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(key.getModulus().toString(16)).startsWith("e32d34c1ecd9d57c2c4884ccbea7987fad6d81f5619466c1570a");
        assertThat(key.getPublicExponent().intValue()).isEqualTo(65537);
        assertThat(sha256(key)).isEqualTo(OPENSSL_SPKI_SHA256);
    }

    @Test
    void theSameKeyAsSubjectPublicKeyInfoIsAcceptedToo() throws Exception {
        PublicKey key = AmtPublicKey.parse(SPKI_PREFIX + RECORDED_DER_KEY);
        assertThat(sha256(key)).isEqualTo(OPENSSL_SPKI_SHA256);
    }

    @Test
    void brokenKeysAreRefusedInWordsNotWithAStackOfAsn1() {
        assertThatThrownBy(() -> AmtPublicKey.parse("not base64 !!"))
                .isInstanceOf(WsmanException.MalformedReply.class).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> AmtPublicKey.parse(RECORDED_DER_KEY.substring(0, 200)))
                .isInstanceOf(WsmanException.MalformedReply.class).hasMessageContaining("ends early");
        assertThatThrownBy(() -> AmtPublicKey.parse("BAEA"))
                .isInstanceOf(WsmanException.MalformedReply.class).hasMessageContaining("tag 0x04");
        assertThatThrownBy(() -> AmtPublicKey.parse("MISERg=="))
                .isInstanceOf(WsmanException.MalformedReply.class).hasMessageContaining("length of 4 bytes");
    }

    private static String sha256(PublicKey key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    }
}
