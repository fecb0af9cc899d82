package dev.outband.wsman.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** AMT user and password; the password never appears in toString. */
public record DigestCredentials(String user, String password) {

    @Override
    public String toString() {
        return "DigestCredentials[user=" + user + ", password=***]";
    }

    /** The Authorization header value for one request (RFC 2617, MD5, qop=auth). */
    public String authorization(DigestChallenge challenge, String method, String uri, long nc, String cnonce) {
        String ha1 = md5(user + ":" + challenge.realm() + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String ncHex = String.format("%08x", nc);
        boolean qopAuth = challenge.qop() != null && challenge.qop().contains("auth");
        String response = qopAuth
                ? md5(ha1 + ":" + challenge.nonce() + ":" + ncHex + ":" + cnonce + ":auth:" + ha2)
                : md5(ha1 + ":" + challenge.nonce() + ":" + ha2);
        StringBuilder h = new StringBuilder("Digest username=\"").append(user)
                .append("\", realm=\"").append(challenge.realm())
                .append("\", nonce=\"").append(challenge.nonce())
                .append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append('"');
        if (qopAuth) {
            h.append(", qop=auth, nc=").append(ncHex).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.opaque() != null) {
            h.append(", opaque=\"").append(challenge.opaque()).append('"');
        }
        return h.toString();
    }

    public static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
