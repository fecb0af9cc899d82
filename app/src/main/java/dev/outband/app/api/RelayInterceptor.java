package dev.outband.app.api;

import dev.outband.kvm.redirection.DigestAuth;
import dev.outband.kvm.redirection.RedirectionCodec;
import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.redirection.RedirectionMessage;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The relay's side of AMT's digest with {@code p=2}, as MPS's redirectInterceptor behaves: the browser
 * authenticates with empty credentials and the relay swaps its digest messages for ones made with the device's
 * stored account. The first digest request becomes one with the stored user and empty fields, which draws AMT's
 * challenge; the next becomes a response computed from that challenge. Once AMT accepts, bytes pass unchanged.
 * Messages are framed before anything is rewritten; a partial message waits, bounded, for the rest.
 */
final class RelayInterceptor {
    /** The largest redirection message before authentication: header plus the codec's authentication limit. */
    static final int MAX_PENDING = 9 + RedirectionCodec.MAX_AUTH_DATA;
    private static final int CNONCE_BYTES = 10;
    /** MPS's EndRedirectionSession and the authentication status "failed" (src/utils/redirectInterceptor.ts). */
    private static final int END_SESSION = 0x12;
    private static final int AUTH_FAILED = 1;

    private final String user;
    private final char[] password;
    private final ByteArrayOutputStream fromBrowser = new ByteArrayOutputStream();
    private final ByteArrayOutputStream fromDevice = new ByteArrayOutputStream();
    private final String cnonce;
    private DigestAuth.Challenge challenge;
    private int nonceCount = 1;
    private volatile boolean direct;

    RelayInterceptor(String user, char[] password) {
        this.user = user;
        this.password = password.clone();
        byte[] random = new byte[CNONCE_BYTES];
        new SecureRandom().nextBytes(random);
        this.cnonce = HexFormat.of().formatHex(random);
    }

    /** One direction's framing and what it does with each whole message. */
    private interface Direction {
        /** The whole message's length, or -1 while its header is incomplete. */
        int length(byte[] pending) throws RedirectionException;

        byte[] pass(byte[] message) throws RedirectionException;
    }

    /** What to send to the device for these bytes from the browser. */
    synchronized byte[] browserToDevice(byte[] chunk) throws RedirectionException {
        return relay(fromBrowser, chunk, "browser", new Direction() {
            @Override
            public int length(byte[] pending) throws RedirectionException {
                return browserMessageLength(pending);
            }

            @Override
            public byte[] pass(byte[] message) {
                return rewrite(message);
            }
        });
    }

    /** What to send to the browser for these bytes from the device. */
    synchronized byte[] deviceToBrowser(byte[] chunk) throws RedirectionException {
        return relay(fromDevice, chunk, "device", new Direction() {
            @Override
            public int length(byte[] pending) throws RedirectionException {
                return deviceMessageLength(pending);
            }

            @Override
            public byte[] pass(byte[] message) throws RedirectionException {
                observe(message);
                return message;
            }
        });
    }

    private byte[] relay(ByteArrayOutputStream held, byte[] chunk, String peer, Direction direction)
            throws RedirectionException {
        if (direct && held.size() == 0) {
            return chunk;
        }
        append(held, chunk, peer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (held.size() > 0) {
            byte[] pending = held.toByteArray();
            if (direct) {
                out.writeBytes(pending);
                held.reset();
                break;
            }
            int length = direction.length(pending);
            if (length < 0 || pending.length < length) {
                break;
            }
            out.writeBytes(direction.pass(Arrays.copyOf(pending, length)));
            consume(held, pending, length);
        }
        return out.toByteArray();
    }

    private static int browserMessageLength(byte[] b) throws RedirectionException {
        return switch (b[0] & 0xFF) {
            case RedirectionMessage.START_SESSION -> 8;
            case END_SESSION -> 4;
            case RedirectionMessage.AUTHENTICATE -> b.length < 9 ? -1 : 9 + dataLength(b);
            default -> throw new RedirectionException(String.format(
                    "the browser sent redirection message 0x%02X before authenticating", b[0] & 0xFF));
        };
    }

    private static int deviceMessageLength(byte[] b) throws RedirectionException {
        return switch (b[0] & 0xFF) {
            case RedirectionMessage.START_SESSION_REPLY -> {
                if (b.length < 4) {
                    yield -1;
                }
                if (b[1] != RedirectionMessage.STATUS_OK) {
                    // A refusal ends the session: pass what came and let the browser report it.
                    yield b.length;
                }
                yield b.length < 13 ? -1 : 13 + (b[12] & 0xFF);
            }
            case RedirectionMessage.AUTHENTICATE_REPLY -> b.length < 9 ? -1 : 9 + dataLength(b);
            default -> throw new RedirectionException(String.format(
                    "the device sent redirection message 0x%02X before authenticating", b[0] & 0xFF));
        };
    }

    private static int dataLength(byte[] b) throws RedirectionException {
        long length = (b[5] & 0xFFL) | (b[6] & 0xFFL) << 8 | (b[7] & 0xFFL) << 16 | (b[8] & 0xFFL) << 24;
        if (length > RedirectionCodec.MAX_AUTH_DATA) {
            throw new RedirectionException("authentication data of " + length + " bytes exceeds the limit of "
                    + RedirectionCodec.MAX_AUTH_DATA);
        }
        return (int) length;
    }

    /** AMT's challenge is kept; its acceptance switches both directions to pass-through. */
    private void observe(byte[] message) throws RedirectionException {
        if ((message[0] & 0xFF) != RedirectionMessage.AUTHENTICATE_REPLY) {
            return;
        }
        int status = message[1] & 0xFF;
        int authType = message[4] & 0xFF;
        if (authType == RedirectionMessage.AUTH_DIGEST && status == AUTH_FAILED) {
            challenge = DigestAuth.decodeChallenge(Arrays.copyOfRange(message, 9, message.length));
        } else if (authType != RedirectionMessage.AUTH_QUERY && status == RedirectionMessage.STATUS_OK) {
            direct = true;
        }
    }

    private byte[] rewrite(byte[] message) {
        if ((message[0] & 0xFF) != RedirectionMessage.AUTHENTICATE
                || (message[4] & 0xFF) != RedirectionMessage.AUTH_DIGEST) {
            return message;
        }
        byte[] data;
        if (challenge == null) {
            data = DigestAuth.encode(new DigestAuth.Request(user, DigestAuth.URI));
        } else {
            String nc = String.format("%08x", nonceCount++);
            String response = DigestAuth.response(user, password, challenge.realm(), challenge.nonce(), nc, cnonce,
                    challenge.qop(), DigestAuth.URI);
            data = DigestAuth.encode(new DigestAuth.Response(user, challenge.realm(), challenge.nonce(),
                    DigestAuth.URI, cnonce, nc, response, challenge.qop()));
        }
        return RedirectionCodec.encode(new RedirectionMessage.Authenticate(RedirectionMessage.AUTH_DIGEST, data));
    }

    private static void append(ByteArrayOutputStream pending, byte[] chunk, String peer) throws RedirectionException {
        if (pending.size() + chunk.length > MAX_PENDING) {
            throw new RedirectionException("the " + peer + " sent more than " + MAX_PENDING
                    + " bytes of redirection handshake without completing a message");
        }
        pending.writeBytes(chunk);
    }

    private static void consume(ByteArrayOutputStream pending, byte[] all, int length) {
        pending.reset();
        pending.write(all, length, all.length - length);
    }
}
