package dev.outband.kvm.rfb;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** VNC authentication: DES-ECB of the 16-byte challenge, keyed by the password with each byte bit-reversed. */
public final class VncAuth {
    private VncAuth() {}

    public static byte[] response(byte[] challenge, char[] password) {
        byte[] key = new byte[8];
        byte[] pw = new String(password).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 8 && i < pw.length; i++) {
            key[i] = (byte) (Integer.reverse(pw[i] & 0xFF) >>> 24);
        }
        Arrays.fill(pw, (byte) 0);
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is not available in this JDK", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
