package dev.outband.app.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-256-GCM sealing of short secrets: each value gets its own random 96-bit IV, stored in front of it. */
public final class SecretBox {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    public Secret seal(String clearText) {
        return new Secret(encrypt(clearText.getBytes(StandardCharsets.UTF_8)), this);
    }

    /** Wraps bytes read from the store; they are opened only on {@link Secret#reveal()}. */
    public Secret wrap(byte[] sealed) {
        return new Secret(sealed, this);
    }

    byte[] encrypt(byte[] clear) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] body = cipher.doFinal(clear);
            return ByteBuffer.allocate(IV_BYTES + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    String open(byte[] sealed) {
        try {
            return new String(decrypt(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored password cannot be decrypted with this key", e);
        }
    }

    byte[] decrypt(byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed value too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }
}
