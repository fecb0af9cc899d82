package dev.outband.wsman.http;

import dev.outband.wsman.WsmanException;

/** AMT user and password; the password never appears in toString. */
public record DigestCredentials(String user, String password) {

    @Override
    public String toString() {
        return "DigestCredentials[user=" + user + ", password=***]";
    }

    /**
     * The Authorization header value for one request (RFC 7616): the challenge's algorithm, qop auth (or
     * auth-int, hashing {@code body}, when that is all the device offers), quoted values escaped.
     */
    public String authorization(DigestChallenge challenge, String method, String uri, byte[] body, long nc,
            String cnonce) throws WsmanException.UnsupportedAuthentication {
        DigestAlgorithm algorithm = challenge.digestAlgorithm();
        String qop = challenge.chosenQop();
        if (challenge.refusal() != null) {
            throw new WsmanException.UnsupportedAuthentication(challenge.refusal());
        }
        String ncHex = String.format("%08x", nc);
        String ha1 = algorithm.hex(user + ":" + challenge.realm() + ":" + password);
        if (algorithm.session()) {
            ha1 = algorithm.hex(ha1 + ":" + challenge.nonce() + ":" + cnonce);
        }
        String ha2 = algorithm.hex(method + ":" + uri
                + (qop.equals(DigestChallenge.QOP_AUTH_INT) ? ":" + algorithm.hex(body) : ""));
        String response = qop.isEmpty()
                ? algorithm.hex(ha1 + ":" + challenge.nonce() + ":" + ha2)
                : algorithm.hex(ha1 + ":" + challenge.nonce() + ":" + ncHex + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder h = new StringBuilder("Digest username=").append(quoted("user name", user))
                .append(", realm=").append(quoted("realm", challenge.realm()))
                .append(", nonce=").append(quoted("nonce", challenge.nonce()))
                .append(", uri=").append(quoted("uri", uri));
        if (challenge.algorithm() != null) {
            h.append(", algorithm=").append(algorithm.token());
        }
        h.append(", response=\"").append(response).append('"');
        if (!qop.isEmpty()) {
            h.append(", qop=").append(qop).append(", nc=").append(ncHex).append(", cnonce=")
                    .append(quoted("cnonce", cnonce));
        }
        if (challenge.opaque() != null) {
            h.append(", opaque=").append(quoted("opaque", challenge.opaque()));
        }
        return h.toString();
    }

    /**
     * A quoted-string (RFC 7230 section 3.2.6): quotes and backslashes escaped. Control and non-ASCII characters
     * cannot travel in the header at all, so they are refused by name.
     */
    static String quoted(String what, String value) throws WsmanException.UnsupportedAuthentication {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c >= 0x7F) {
                throw new WsmanException.UnsupportedAuthentication("the digest " + what
                        + " holds a control or non-ASCII character, which HTTP digest cannot carry");
            }
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    public static String md5(String text) {
        return DigestAlgorithm.MD5.hex(text);
    }
}
