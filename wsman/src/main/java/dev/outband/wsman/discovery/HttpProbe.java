package dev.outband.wsman.discovery;

import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.http.DigestChallenge;
import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.LegacyTls;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks one AMT port, without credentials, what it is: {@code GET /} (AMT answers 303 to /logon.htm with its
 * version in the Server header) and {@code GET /wsman} (401 with the digest realm {@code Digest:<32 hex>}).
 * Over TLS the certificate is recorded, not checked; bodies are never read.
 */
final class HttpProbe {
    private static final Pattern AMT_SERVER =
            Pattern.compile("Intel\\(R\\) Active Management Technology (\\d+(?:\\.\\d+){0,3})");
    private static final String AMT_REALM_PREFIX = "Digest:";

    private final OkHttpClient client;
    private final SSLSocketFactory tlsSockets = recordingContext().getSocketFactory();

    HttpProbe(DiscoverySettings settings) {
        ConnectionSpec tls = LegacyTls.allowed()
                ? new ConnectionSpec.Builder(ConnectionSpec.COMPATIBLE_TLS)
                        .tlsVersions(LegacyTls.LEGACY_PROTOCOLS.toArray(String[]::new)).allEnabledCipherSuites().build()
                : ConnectionSpec.MODERN_TLS;
        this.client = HttpClients.shared().newBuilder()
                // Every host once: nothing to pool, and nothing left open after the scan.
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .connectTimeout(settings.hostTimeout())
                .readTimeout(settings.hostTimeout())
                .writeTimeout(settings.hostTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .sslSocketFactory(tlsSockets, RecordOnlyTrust.INSTANCE)
                .hostnameVerifier((host, session) -> true)
                .connectionSpecs(List.of(tls, ConnectionSpec.CLEARTEXT))
                .build();
    }

    /**
     * The port's answers, or null when nothing there speaks HTTP (closed, silent, or the deadline passed).
     *
     * @throws InterruptedIOException when the scan was cancelled
     */
    PortProbe probe(InetAddress address, int port, boolean tls, Instant deadline) throws InterruptedIOException {
        HttpUrl root = new HttpUrl.Builder().scheme(tls ? "https" : "http").host(address.getHostAddress()).port(port)
                .build();
        String version = null;
        String sha256 = null;
        boolean amt;
        try (Response front = get(root, deadline)) {
            version = version(front);
            amt = version != null;
        } catch (InterruptedIOException e) {
            throwIfCancelled(e);
            return null;
        } catch (IOException e) {
            return null;
        }
        String realm = null;
        try (Response wsman = get(root.newBuilder().encodedPath("/wsman").build(), deadline)) {
            DigestChallenge challenge = wsman.code() == 401
                    ? DigestChallenge.parseAll(wsman.headers("WWW-Authenticate")).stream().findFirst().orElse(null)
                    : null;
            if (challenge != null && challenge.realm().startsWith(AMT_REALM_PREFIX)) {
                realm = challenge.realm();
                amt = true;
            }
            if (version == null) {
                version = version(wsman);
                amt |= version != null;
            }
        } catch (InterruptedIOException e) {
            throwIfCancelled(e);
        } catch (IOException e) {
            // The front page already answered; a port that then stops answering keeps what it said.
        }
        if (tls) {
            sha256 = fingerprint(address, port, deadline);
        }
        return new PortProbe(port, tls, amt, version, realm, sha256);
    }

    private Response get(HttpUrl url, Instant deadline) throws IOException {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
            throw new InterruptedIOException("host deadline passed");
        }
        Call call = client.newCall(new Request.Builder().url(url).header("Connection", "close").build());
        call.timeout().timeout(left, TimeUnit.MILLISECONDS);
        return call.execute();
    }

    /** The firmware version AMT names in its Server header, or null when another server answered. */
    private static String version(Response response) {
        String server = response.header("Server");
        Matcher m = AMT_SERVER.matcher(server == null ? "" : server);
        return m.find() ? m.group(1) : null;
    }

    /** A cancelled scan interrupts its probes; a timed-out call is only a silent host. */
    private static void throwIfCancelled(InterruptedIOException e) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw e;
        }
    }

    /**
     * The certificate's SHA-256 from a handshake of our own: OkHttp hands out only a chain it could clean up
     * to a trusted root, which a self-signed AMT certificate never is. Null when the handshake fails now.
     */
    private String fingerprint(InetAddress address, int port, Instant deadline) throws InterruptedIOException {
        int left = (int) Math.min(Integer.MAX_VALUE, Duration.between(Instant.now(), deadline).toMillis());
        if (left <= 0) {
            return null;
        }
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), left);
            plain.setSoTimeout(left);
            try (SSLSocket socket = (SSLSocket) tlsSockets.createSocket(plain, address.getHostAddress(), port, false)) {
                socket.setEnabledProtocols(LegacyTls.protocols().stream()
                        .filter(List.of(socket.getSupportedProtocols())::contains).toArray(String[]::new));
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Certificates.sha256(leaf) : null;
            }
        } catch (InterruptedIOException e) {
            throwIfCancelled(e);
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static SSLContext recordingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {RecordOnlyTrust.INSTANCE}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS", e);
        }
    }
}
