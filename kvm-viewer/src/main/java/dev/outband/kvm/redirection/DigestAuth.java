package dev.outband.kvm.redirection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The redirection layer's digest (auth type 4, with qop): data layouts and the response hash. */
public final class DigestAuth {
    public static final String URI = "/RedirectionService";

    /** Step 1 from the console: user name and URI. */
    public record Request(String user, String uri) {}

    /** The device's challenge. */
    public record Challenge(String realm, String nonce, String qop) {}

    /** Step 2 from the console. */
    public record Response(String user, String realm, String nonce, String uri, String cnonce, String nc,
            String response, String qop) {}

    private DigestAuth() {}

    public static byte[] encode(Request r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        put(out, r.user());
        out.writeBytes(new byte[2]);
        put(out, r.uri());
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    public static Request decodeRequest(byte[] data) throws RedirectionException {
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        String user = get(in);
        in.skip(2);
        return new Request(user, get(in));
    }

    public static byte[] encode(Challenge c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        put(out, c.realm());
        put(out, c.nonce());
        put(out, c.qop());
        return out.toByteArray();
    }

    public static Challenge decodeChallenge(byte[] data) throws RedirectionException {
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        return new Challenge(get(in), get(in), get(in));
    }

    public static byte[] encode(Response r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : new String[] {r.user(), r.realm(), r.nonce(), r.uri(), r.cnonce(), r.nc(), r.response(), r.qop()}) {
            put(out, s);
        }
        return out.toByteArray();
    }

    public static Response decodeResponse(byte[] data) throws RedirectionException {
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        return new Response(get(in), get(in), get(in), get(in), get(in), get(in), get(in), get(in));
    }

    /** MD5hex(MD5hex(user:realm:pass):nonce:nc:cnonce:qop:MD5hex("POST:" + uri)). */
    public static String response(String user, char[] password, String realm, String nonce, String nc,
            String cnonce, String qop, String uri) {
        return responseForHa1(ha1(user, password, realm), nonce, nc, cnonce, qop, uri);
    }

    /** MD5hex(user:realm:pass), the form in which a device keeps a password set by host-based setup. */
    public static String ha1(String user, char[] password, String realm) {
        return md5(user + ":" + realm + ":" + new String(password));
    }

    /** The response for an account known by its HA1 only. */
    public static String responseForHa1(String ha1, String nonce, String nc, String cnonce, String qop, String uri) {
        return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + md5("POST:" + uri));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JDK", e);
        }
    }

    private static void put(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 255) {
            throw new IllegalArgumentException("digest field longer than 255 bytes");
        }
        out.write(b.length);
        out.writeBytes(b);
    }

    private static String get(ByteArrayInputStream in) throws RedirectionException {
        int len = in.read();
        if (len < 0 || in.available() < len) {
            throw new RedirectionException("malformed digest data");
        }
        byte[] b = new byte[len];
        in.read(b, 0, len);
        // Strict: a replacement character would make the field longer when echoed back in the response.
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new RedirectionException("malformed digest data: a field is not UTF-8");
        }
    }
}
