package dev.outband.app.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing of short secrets. Each value gets its own random 96-bit IV and is bound to the
 * place it is kept (a device row and column, a file name) as GCM associated data, so a value copied to
 * another row does not open there. Layout: "OB" 2, IV, ciphertext and tag. Values that older versions
 * sealed (IV, ciphertext and tag, no place) open only through {@link #decryptUnbound}, which the store
 * migration alone calls.
 */
public final class SecretBox {
    private static final byte[] FORMAT = {'O', 'B', 2};
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    /** Seals a value for {@code place}; {@link Secret#sealedFor} moves it to another place. */
    public Secret seal(String clearText, String place) {
        return new Secret(encrypt(clearText.getBytes(StandardCharsets.UTF_8), place), place, this);
    }

    /** Wraps bytes read from {@code place}; they are opened only on {@link Secret#reveal()}. */
    public Secret wrap(byte[] sealed, String place) {
        return new Secret(sealed, place, this);
    }

    SecretKey key() {
        return key;
    }

    byte[] encrypt(byte[] clear, String place) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(clear);
            return ByteBuffer.allocate(FORMAT.length + IV_BYTES + body.length).put(FORMAT).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    String open(byte[] sealed, String place) {
        try {
            return new String(decrypt(sealed, place), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored password cannot be decrypted with this key", e);
        }
    }

    byte[] decrypt(byte[] sealed, String place) throws GeneralSecurityException {
        if (!isBound(sealed) || sealed.length < FORMAT.length + IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("not a sealed value of this version");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, FORMAT.length, IV_BYTES));
        cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
        int start = FORMAT.length + IV_BYTES;
        return cipher.doFinal(sealed, start, sealed.length - start);
    }

    /** A value sealed before values were bound to their place; for migrating old stores only. */
    byte[] decryptUnbound(byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed value too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    /** Opens a value of either version (bound to {@code place}, or from before binding); migrations only. */
    byte[] decryptAnyVersion(byte[] sealed, String place) throws GeneralSecurityException {
        if (isBound(sealed)) {
            try {
                return decrypt(sealed, place);
            } catch (GeneralSecurityException orAnOldValueThatHappensToStartSo) {
                return decryptUnbound(sealed);
            }
        }
        return decryptUnbound(sealed);
    }

    static boolean isBound(byte[] sealed) {
        return sealed.length >= FORMAT.length && Arrays.equals(sealed, 0, FORMAT.length, FORMAT, 0, FORMAT.length);
    }
}
