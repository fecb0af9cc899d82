package dev.outband.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Limits of the listener's API: token lifetime, per-request deadline, login attempts. */
@Timeout(90)
class ApiLimitsTest {
    @TempDir
    Path home;

    @Test
    void anExpiredTokenIsRefusedAndANewLoginWorks() throws Exception {
        try (ApiFixture lab = new ApiFixture(home, 1, s -> s.withTokenLifetime(Duration.ofSeconds(1)))) {
            String token = lab.login();
            assertThat(lab.answer(lab.get("/api/v1/devices", token)).code()).isEqualTo(200);
            Thread.sleep(2_100);
            ApiFixture.Answer expired = lab.answer(lab.get("/api/v1/devices", token));
            assertThat(expired.code()).isEqualTo(401);
            assertThat(expired.body().get("message").asText()).contains("expired");
            assertThat(lab.answer(lab.get("/api/v1/devices", lab.login())).code()).isEqualTo(200);
        }
    }

    @Test
    void aSlowDeviceGetsATimeoutNamingItWhileAnotherIsServed() throws Exception {
        try (ApiFixture lab = new ApiFixture(home, 2, s -> s.withLimits(ApiSettings.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(2), ApiSettings.DEFAULT_MAX_RELAYS))) {
            String token = lab.login();
            lab.devices.get(0).hooks().delay(Duration.ofSeconds(6));
            var pool = Executors.newVirtualThreadPerTaskExecutor();
            try {
                CompletableFuture<ApiFixture.Answer> slow = CompletableFuture.supplyAsync(() -> call(lab,
                        "/api/v1/amt/power/state/" + lab.guid(0), token), pool);
                long start = System.nanoTime();
                ApiFixture.Answer other = call(lab, "/api/v1/amt/power/state/" + lab.guid(1), token);
                assertThat(other.code()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

                ApiFixture.Answer timedOut = slow.get(20, TimeUnit.SECONDS);
                assertThat(timedOut.code()).isEqualTo(504);
                assertThat(timedOut.body().get("errorDescription").asText()).contains("sim-0")
                        .contains("did not answer the power state within 2 s");
            } finally {
                lab.devices.get(0).hooks().delay(Duration.ZERO);
                pool.shutdown();
            }
        }
    }

    @Test
    void loginAttemptsAreLimitedPerAddress() throws Exception {
        try (ApiFixture lab = new ApiFixture(home, 1, s -> s.withLoginAttemptsPerMinute(3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(lab.answer(lab.post("/api/v1/authorize",
                        "{\"username\":\"x\",\"password\":\"y\"}", null)).code()).isEqualTo(401);
            }
            ApiFixture.Answer throttled = lab.answer(lab.post("/api/v1/authorize",
                    "{\"username\":\"x\",\"password\":\"y\"}", null));
            assertThat(throttled.code()).isEqualTo(429);
            assertThat(throttled.body().get("message").asText()).contains("Too many login attempts");
        }
    }

    @Test
    void overTlsTheApiServesTheListenersCertificate() throws Exception {
        try (ApiFixture lab = new ApiFixture(home, 1, s -> s.withTls(true))) {
            assertThat(lab.api.url()).startsWith("https://");
            X509Certificate certificate = lab.listener.certificate().orElseThrow();
            SSLContext pinned = DeviceSslContext.create(new TrustPolicy.Pinned(Certificates.sha256(certificate)),
                    "127.0.0.1");
            // The pinned context accepts exactly the listener's certificate; OkHttp wants a trust manager beside it.
            X509TrustManager onlyForOkHttp = (X509TrustManager) trustManagerOf(certificate);
            OkHttpClient tls = lab.http.newBuilder().sslSocketFactory(pinned.getSocketFactory(), onlyForOkHttp)
                    .build();
            Request login = new Request.Builder().url(lab.url("/api/v1/authorize")).post(RequestBody.create(
                    "{\"username\":\"" + ApiFixture.API_USER + "\",\"password\":\"" + ApiFixture.API_PASSWORD
                            + "\"}", ApiFixture.JSON)).build();
            try (Response r = tls.newCall(login).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.handshake()).isNotNull();
            }
        }
    }

    private static TrustManager trustManagerOf(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("listener", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers()[0];
    }

    private static ApiFixture.Answer call(ApiFixture lab, String path, String token) {
        try {
            return lab.answer(lab.get(path, token));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
