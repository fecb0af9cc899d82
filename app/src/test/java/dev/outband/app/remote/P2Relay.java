package dev.outband.app.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The test's MPS relay (webrelay.ashx with p=2): bridges the websocket to a device's redirection port and, as
 * MPS's src/utils/redirectInterceptor.ts does, answers AMT's digest itself: the browser's digest request is
 * replaced by one with the MPS-held user, AMT's challenge is kept, and the browser's response is replaced by
 * one computed with the MPS-held password; after AMT's success both directions pass through untouched.
 * Device bytes go to the websocket as text frames (MPS: a Node 'binary' string, sent as UTF-8) or as binary
 * frames (DMT Console's interceptor.go).
 */
public final class P2Relay extends WebSocketListener {
    private static final int START_SESSION = 0x10;
    private static final int START_SESSION_REPLY = 0x11;
    private static final int AUTHENTICATE = 0x13;
    private static final int AUTHENTICATE_REPLY = 0x14;
    private static final int QUERY = 0;
    private static final int DIGEST = 4;
    private static final String AUTH_URL = "/RedirectionService";

    private final int devicePort;
    private final String user;
    private final String password;
    private final boolean textFrames;
    final AtomicInteger framesSent = new AtomicInteger();
    private final StringBuilder fromBrowser = new StringBuilder();
    private final StringBuilder fromAmt = new StringBuilder();
    private boolean browserDirect;
    private boolean amtDirect;
    private String realm;
    private String nonce;
    private String qop;
    private int nonceCount = 1;
    private Socket device;
    private OutputStream toDevice;

    public P2Relay(int devicePort, String user, String password, boolean textFrames) {
        this.devicePort = devicePort;
        this.user = user;
        this.password = password;
        this.textFrames = textFrames;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        try {
            device = new Socket(InetAddress.getLoopbackAddress(), devicePort);
            toDevice = device.getOutputStream();
        } catch (IOException e) {
            webSocket.close(1011, "device unreachable");
            return;
        }
        Thread.ofVirtual().name("p2-relay").start(() -> pump(webSocket));
    }

    private void pump(WebSocket webSocket) {
        byte[] buffer = new byte[16384];
        try (InputStream in = device.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                String out;
                synchronized (this) {
                    fromAmt.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    out = drainAmt();
                }
                if (!out.isEmpty()) {
                    framesSent.incrementAndGet();
                    if (textFrames) {
                        webSocket.send(out);
                    } else {
                        webSocket.send(ByteString.of(out.getBytes(StandardCharsets.ISO_8859_1)));
                    }
                }
            }
        } catch (IOException closed) {
            // The device or the browser went away: close the other side.
        }
        webSocket.close(1000, null);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        forward(bytes.string(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        forward(text);
    }

    private void forward(String data) {
        try {
            String out;
            synchronized (this) {
                fromBrowser.append(data);
                out = drainBrowser();
            }
            toDevice.write(out.getBytes(StandardCharsets.ISO_8859_1));
            toDevice.flush();
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        close();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        close();
    }

    public void close() {
        try {
            if (device != null) {
                device.close();
            }
        } catch (IOException ignored) {
            // Closing is all that is left.
        }
    }

    private String drainAmt() {
        StringBuilder out = new StringBuilder();
        while (fromAmt.length() > 0) {
            if (amtDirect) {
                out.append(fromAmt);
                fromAmt.setLength(0);
                break;
            }
            int type = fromAmt.charAt(0);
            int length;
            if (type == START_SESSION_REPLY) {
                if (fromAmt.length() < 13) {
                    break;
                }
                length = 13 + fromAmt.charAt(12);
            } else if (type == AUTHENTICATE_REPLY) {
                if (fromAmt.length() < 9) {
                    break;
                }
                length = 9 + readIntX(fromAmt, 5);
            } else {
                throw new IllegalStateException("unexpected message 0x" + Integer.toHexString(type) + " from AMT");
            }
            if (fromAmt.length() < length) {
                break;
            }
            String message = fromAmt.substring(0, length);
            fromAmt.delete(0, length);
            if (type == AUTHENTICATE_REPLY) {
                int status = message.charAt(1);
                int authType = message.charAt(4);
                if (authType == DIGEST && status == 1) {
                    int realmLength = message.charAt(9);
                    realm = message.substring(10, 10 + realmLength);
                    int nonceLength = message.charAt(10 + realmLength);
                    nonce = message.substring(11 + realmLength, 11 + realmLength + nonceLength);
                    int qopLength = message.charAt(11 + realmLength + nonceLength);
                    qop = message.substring(12 + realmLength + nonceLength, 12 + realmLength + nonceLength + qopLength);
                } else if (authType != QUERY && status == 0) {
                    browserDirect = true;
                    amtDirect = true;
                }
            }
            out.append(message);
        }
        return out.toString();
    }

    private String drainBrowser() {
        StringBuilder out = new StringBuilder();
        while (fromBrowser.length() > 0) {
            if (browserDirect) {
                out.append(fromBrowser);
                fromBrowser.setLength(0);
                break;
            }
            int type = fromBrowser.charAt(0);
            if (type == START_SESSION) {
                if (fromBrowser.length() < 8) {
                    break;
                }
                out.append(fromBrowser, 0, 8);
                fromBrowser.delete(0, 8);
            } else if (type == AUTHENTICATE) {
                if (fromBrowser.length() < 9 || fromBrowser.length() < 9 + readIntX(fromBrowser, 5)) {
                    break;
                }
                int length = 9 + readIntX(fromBrowser, 5);
                String message = fromBrowser.substring(0, length);
                fromBrowser.delete(0, length);
                out.append(message.charAt(4) == DIGEST ? digest() : message);
            } else {
                throw new IllegalStateException("unexpected message 0x" + Integer.toHexString(type) + " from the browser");
            }
        }
        return out.toString();
    }

    /** The relay's own digest message: blanks to get AMT's challenge, then the answer with the held password. */
    private String digest() {
        StringBuilder r = new StringBuilder().append((char) AUTHENTICATE).append("\0\0\0").append((char) DIGEST);
        if (realm == null) {
            r.append(intToStrX(user.length() + AUTH_URL.length() + 8));
            r.append((char) user.length()).append(user).append("\0\0").append((char) AUTH_URL.length()).append(AUTH_URL)
                    .append("\0\0\0\0");
            return r.toString();
        }
        String cnonce = "0123456789abcdef0123";
        String nc = String.format("%08x", nonceCount++);
        String response = md5(md5(user + ":" + realm + ":" + password) + ":" + nonce + ":" + nc + ":" + cnonce + ":"
                + qop + ":" + md5("POST:" + AUTH_URL));
        r.append(intToStrX(user.length() + realm.length() + nonce.length() + AUTH_URL.length() + cnonce.length()
                + nc.length() + response.length() + qop.length() + 8));
        for (String field : new String[] {user, realm, nonce, AUTH_URL, cnonce, nc, response, qop}) {
            r.append((char) field.length()).append(field);
        }
        return r.toString();
    }

    private static int readIntX(CharSequence s, int at) {
        return s.charAt(at) | s.charAt(at + 1) << 8 | s.charAt(at + 2) << 16 | s.charAt(at + 3) << 24;
    }

    private static String intToStrX(int v) {
        return new String(new char[] {(char) (v & 0xFF), (char) (v >> 8 & 0xFF), (char) (v >> 16 & 0xFF),
                (char) (v >>> 24)});
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
