package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final SecretBox box = new SecretBox(new SecretKeySpec(new byte[32], "AES"));

    @Test
    void sealingTheSameTextTwiceUsesFreshIvs() {
        Secret a = box.seal("pw", "device/1/password_enc");
        Secret b = box.seal("pw", "device/1/password_enc");
        assertThat(a.sealedBytes()).isNotEqualTo(b.sealedBytes());
        assertThat(a.reveal()).isEqualTo("pw");
        assertThat(b.reveal()).isEqualTo("pw");
    }

    @Test
    void aTamperedValueIsRefused() {
        byte[] sealed = box.seal("pw", "device/1/password_enc").sealedBytes();
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.wrap(sealed, "device/1/password_enc").reveal()).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aSecretNeverPrintsItsText() {
        assertThat(box.seal("hunter2", "device/1/password_enc").toString()).doesNotContain("hunter2");
    }
}
