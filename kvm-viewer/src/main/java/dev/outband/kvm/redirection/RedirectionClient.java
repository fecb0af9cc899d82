package dev.outband.kvm.redirection;

import dev.outband.kvm.redirection.RedirectionMessage.Authenticate;
import dev.outband.kvm.redirection.RedirectionMessage.AuthenticateReply;
import dev.outband.kvm.redirection.RedirectionMessage.StartKvm;
import dev.outband.kvm.redirection.RedirectionMessage.StartKvmReply;
import dev.outband.kvm.redirection.RedirectionMessage.StartSession;
import dev.outband.kvm.redirection.RedirectionMessage.StartSessionReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The console side of the redirection handshake. When {@link #openKvm} returns, the same streams carry raw
 * RFB; when {@link #openSession} returns, the session type's own messages follow (SOL, IDE-R).
 */
public final class RedirectionClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RedirectionClient() {}

    public static void openKvm(InputStream in, OutputStream out, AmtCredentials credentials) throws IOException {
        openSession(in, out, SessionType.KVM, credentials);
        RedirectionCodec.write(out, new StartKvm());
        expect(RedirectionCodec.readFromDevice(in), StartKvmReply.class);
    }

    /** StartRedirectionSession for {@code type}, then the digest; the type's own start message comes next. */
    public static void openSession(InputStream in, OutputStream out, SessionType type, AmtCredentials credentials)
            throws IOException {
        RedirectionCodec.write(out, new StartSession(type));
        StartSessionReply start = expect(RedirectionCodec.readFromDevice(in), StartSessionReply.class);
        String name = switch (type) {
            case KVM -> "KVM";
            case SOL -> "Serial-over-LAN";
            case IDER -> "IDE-R";
        };
        switch (start.status()) {
            case RedirectionMessage.STATUS_OK -> { }
            case RedirectionMessage.STATUS_BUSY ->
                    throw new RedirectionException("another " + name + " session is open on this device");
            case RedirectionMessage.STATUS_UNSUPPORTED -> throw new RedirectionException(name + " is disabled on this device");
            default -> throw new RedirectionException("the device refused the " + name + " session (status "
                    + start.status() + ")");
        }
        authenticate(in, out, credentials);
    }

    private static void authenticate(InputStream in, OutputStream out, AmtCredentials creds) throws IOException {
        RedirectionCodec.write(out, new Authenticate(RedirectionMessage.AUTH_QUERY, new byte[0]));
        AuthenticateReply query = expect(RedirectionCodec.readFromDevice(in), AuthenticateReply.class);
        boolean digest = false;
        for (byte t : query.data()) {
            digest |= t == RedirectionMessage.AUTH_DIGEST;
        }
        if (!digest && !creds.isRelay()) {
            throw new RedirectionException("the device offers no digest authentication for redirection");
        }
        RedirectionCodec.write(out, new Authenticate(RedirectionMessage.AUTH_DIGEST,
                DigestAuth.encode(new DigestAuth.Request(creds.user(), DigestAuth.URI))));
        AuthenticateReply first = expect(RedirectionCodec.readFromDevice(in), AuthenticateReply.class);
        if (first.status() == RedirectionMessage.STATUS_OK) {
            return;
        }
        DigestAuth.Challenge c = DigestAuth.decodeChallenge(first.data());
        String cnonce = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        String nc = "00000002";
        String response = DigestAuth.response(creds.user(), creds.password(), c.realm(), c.nonce(), nc, cnonce,
                c.qop(), DigestAuth.URI);
        RedirectionCodec.write(out, new Authenticate(RedirectionMessage.AUTH_DIGEST, DigestAuth.encode(
                new DigestAuth.Response(creds.user(), c.realm(), c.nonce(), DigestAuth.URI, cnonce, nc, response,
                        c.qop()))));
        AuthenticateReply result = expect(RedirectionCodec.readFromDevice(in), AuthenticateReply.class);
        if (result.status() != RedirectionMessage.STATUS_OK) {
            throw new RedirectionException("Error validating management credentials");
        }
    }

    private static <T extends RedirectionMessage> T expect(RedirectionMessage m, Class<T> type)
            throws RedirectionException {
        if (!type.isInstance(m)) {
            throw new RedirectionException("expected " + type.getSimpleName() + " from the device, got " + m);
        }
        return type.cast(m);
    }
}
