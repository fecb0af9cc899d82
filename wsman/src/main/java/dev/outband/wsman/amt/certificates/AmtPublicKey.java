package dev.outband.wsman.amt.certificates;

import java.math.BigInteger;
import dev.outband.wsman.WsmanException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The public half of a key pair AMT generated, from AMT_PublicPrivateKeyPair.DERKey. Real firmware
 * sends a PKCS#1 RSAPublicKey (SEQUENCE of modulus and exponent); a SubjectPublicKeyInfo is accepted too.
 */
public final class AmtPublicKey {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    /** Far above any RSA key AMT makes (2048 or 3072 bits): bounds what a peer can make us parse. */
    private static final int MAX_DER_BYTES = 4096;

    private AmtPublicKey() {
    }

    public static PublicKey parse(String derKeyBase64) throws WsmanException {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(derKeyBase64.trim());
        } catch (IllegalArgumentException e) {
            throw new WsmanException.MalformedReply("the device's public key is not valid base64", null);
        }
        if (der.length == 0 || der.length > MAX_DER_BYTES) {
            throw new WsmanException.MalformedReply("the device's public key has " + der.length + " bytes", null);
        }
        try {
            Der outer = new Der(der, 0, der.length);
            Der body = outer.enter(SEQUENCE);
            if (!outer.atEnd()) {
                throw new WsmanException.MalformedReply("the device's public key has bytes after its end", null);
            }
            if (body.peekTag() == SEQUENCE) {
                return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            }
            BigInteger modulus = body.integer();
            BigInteger exponent = body.integer();
            if (!body.atEnd() || modulus.signum() <= 0 || exponent.signum() <= 0) {
                throw new WsmanException.MalformedReply("the device's public key is not an RSA public key", null);
            }
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new WsmanException.MalformedReply("the device's public key is not an RSA public key: " + e.getMessage(), null);
        }
    }

    /** A bounded reader over one DER slice. */
    private static final class Der {
        private final byte[] bytes;
        private final int end;
        private int at;

        Der(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean atEnd() {
            return at == end;
        }

        int peekTag() throws WsmanException {
            need(1);
            return bytes[at] & 0xFF;
        }

        Der enter(int tag) throws WsmanException {
            int length = header(tag);
            Der inner = new Der(bytes, at, at + length);
            at += length;
            return inner;
        }

        BigInteger integer() throws WsmanException {
            int length = header(INTEGER);
            if (length == 0) {
                throw new WsmanException.MalformedReply("the device's public key has an empty number", null);
            }
            BigInteger value = new BigInteger(1, bytes, at, length);
            at += length;
            return value;
        }

        private int header(int tag) throws WsmanException {
            if (peekTag() != tag) {
                throw new WsmanException.MalformedReply(String.format("the device's public key has tag 0x%02x where 0x%02x belongs",
                        peekTag(), tag), null);
            }
            at++;
            need(1);
            int first = bytes[at++] & 0xFF;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7F;
                if (count == 0 || count > 2) {
                    throw new WsmanException.MalformedReply("the device's public key has a length of " + count + " bytes", null);
                }
                need(count);
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[at++] & 0xFF);
                }
            }
            need(length);
            return length;
        }

        private void need(int n) throws WsmanException {
            if (n > end - at) {
                throw new WsmanException.MalformedReply("the device's public key ends early", null);
            }
        }
    }
}
