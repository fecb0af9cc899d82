package dev.outband.simulator.kvm;

import dev.outband.kvm.redirection.DigestAuth;
import dev.outband.kvm.redirection.RedirectionCodec;
import dev.outband.kvm.redirection.RedirectionMessage;
import dev.outband.kvm.redirection.RedirectionMessage.Authenticate;
import dev.outband.kvm.redirection.RedirectionMessage.AuthenticateReply;
import dev.outband.kvm.redirection.RedirectionMessage.StartKvm;
import dev.outband.kvm.redirection.RedirectionMessage.StartKvmReply;
import dev.outband.kvm.redirection.RedirectionMessage.StartSession;
import dev.outband.kvm.redirection.RedirectionMessage.StartSessionReply;
import dev.outband.kvm.redirection.SessionType;
import dev.outband.simulator.net.ConnectionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The device side of AMT redirection (port 16994): StartRedirectionSession for KVM, digest
 * authentication (type 4) against one user, then the RFB server. One KVM session at a time, and only
 * when the session gate (user consent) lets it start: otherwise the RFB handshake ends with AMT's reason
 * string for a failed consent flow.
 */
public final class RedirectionServer implements ConnectionHandler {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** AMT's close reason when no valid consent code came (Intel AMT Implementation and Reference Guide). */
    static final String CONSENT_FAILED = "Error: 0x80862300: User consent flow failed";

    private final String user;
    private final char[] password;
    private final String realm;
    private final RfbServer rfb;
    private final BooleanSupplier kvmEnabled;
    private final SessionGate gate;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Map<SessionType, AuthenticatedSession> others = new ConcurrentHashMap<>();
    private final Set<SessionType> othersBusy = ConcurrentHashMap.newKeySet();

    /** A redirection session other than KVM (SOL, IDE-R): served once the console has authenticated. */
    public interface AuthenticatedSession {
        /** False makes the device answer "unsupported", as AMT_RedirectionService with the feature off. */
        boolean enabled();

        void serve(InputStream in, OutputStream out) throws IOException;
    }

    /**
     * @param kvmEnabled false makes the device answer "unsupported", as with KVM disabled in MEBx
     * @param gate       decides whether a session may start (user consent) and hears when it ends
     */
    public RedirectionServer(String user, char[] password, String realm, RfbServer rfb, BooleanSupplier kvmEnabled,
            SessionGate gate) {
        this.user = user;
        this.password = password.clone();
        this.realm = realm;
        this.rfb = rfb;
        this.kvmEnabled = kvmEnabled;
        this.gate = gate;
    }

    public RedirectionServer(String user, char[] password, String realm, RfbServer rfb) {
        this(user, password, realm, rfb, () -> true, SessionGate.OPEN);
    }

    /** Serves {@code type} sessions too, one at a time each, beside KVM. */
    public RedirectionServer with(SessionType type, AuthenticatedSession session) {
        others.put(type, session);
        return this;
    }

    @Override
    public void serve(InputStream in, OutputStream out) throws IOException {
        RedirectionMessage first = RedirectionCodec.readFromConsole(in);
        if (first instanceof StartSession start && others.containsKey(start.type())) {
            serveOther(start.type(), others.get(start.type()), in, out);
            return;
        }
        if (!(first instanceof StartSession start) || start.type() != SessionType.KVM || !kvmEnabled.getAsBoolean()) {
            RedirectionCodec.write(out, new StartSessionReply(RedirectionMessage.STATUS_UNSUPPORTED, new byte[0]));
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            RedirectionCodec.write(out, new StartSessionReply(RedirectionMessage.STATUS_BUSY, new byte[0]));
            return;
        }
        try {
            RedirectionCodec.write(out, new StartSessionReply(RedirectionMessage.STATUS_OK, new byte[0]));
            if (!authenticate(in, out)) {
                return;
            }
            if (!(RedirectionCodec.readFromConsole(in) instanceof StartKvm)) {
                return;
            }
            RedirectionCodec.write(out, new StartKvmReply());
            if (!gate.open().getAsBoolean()) {
                rfb.refuse(in, out, CONSENT_FAILED);
                return;
            }
            try {
                rfb.serve(in, out);
            } finally {
                gate.close().run();
            }
        } finally {
            busy.set(false);
        }
    }

    private void serveOther(SessionType type, AuthenticatedSession session, InputStream in, OutputStream out)
            throws IOException {
        if (!session.enabled()) {
            RedirectionCodec.write(out, new StartSessionReply(RedirectionMessage.STATUS_UNSUPPORTED, new byte[0]));
            return;
        }
        if (!othersBusy.add(type)) {
            RedirectionCodec.write(out, new StartSessionReply(RedirectionMessage.STATUS_BUSY, new byte[0]));
            return;
        }
        try {
            RedirectionCodec.write(out, new StartSessionReply(RedirectionMessage.STATUS_OK, new byte[0]));
            if (authenticate(in, out)) {
                session.serve(in, out);
            }
        } finally {
            othersBusy.remove(type);
        }
    }

    private boolean authenticate(InputStream in, OutputStream out) throws IOException {
        String nonce = null;
        while (true) {
            if (!(RedirectionCodec.readFromConsole(in) instanceof Authenticate a)) {
                return false;
            }
            if (a.authType() == RedirectionMessage.AUTH_QUERY) {
                RedirectionCodec.write(out, new AuthenticateReply(0, RedirectionMessage.AUTH_QUERY,
                        new byte[] {RedirectionMessage.AUTH_DIGEST}));
            } else if (a.authType() != RedirectionMessage.AUTH_DIGEST) {
                RedirectionCodec.write(out, new AuthenticateReply(1, a.authType(), new byte[0]));
                return false;
            } else if (nonce == null) {
                nonce = HexFormat.of().formatHex(RANDOM.generateSeed(16));
                RedirectionCodec.write(out, new AuthenticateReply(1, RedirectionMessage.AUTH_DIGEST,
                        DigestAuth.encode(new DigestAuth.Challenge(realm, nonce, "auth"))));
            } else {
                DigestAuth.Response r = DigestAuth.decodeResponse(a.data());
                String expected = DigestAuth.response(user, password, realm, nonce, r.nc(), r.cnonce(), r.qop(),
                        r.uri());
                boolean ok = r.user().equals(user) && r.realm().equals(realm) && r.nonce().equals(nonce)
                        && r.response().equals(expected);
                RedirectionCodec.write(out, new AuthenticateReply(ok ? 0 : 1, RedirectionMessage.AUTH_DIGEST,
                        new byte[0]));
                return ok;
            }
        }
    }
}
