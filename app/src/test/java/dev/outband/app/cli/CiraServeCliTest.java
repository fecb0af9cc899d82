package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CiraServeCliTest {
    @TempDir
    Path home;

    @Test
    void serveWithApiAnswersLoginOnLoopbackUntilStopped() throws Exception {
        Path password = home.resolve("api-password");
        Files.writeString(password, "Cli-Api-P@ss\n");
        StringWriter out = new StringWriter();
        CliContext ctx = new CliContext(Map.of("OUTBAND_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        Thread serving = Thread.ofPlatform().name("cira-serve-test").start(() -> Cli.run(new String[] {"cira", "serve",
                "--port", "0", "--api", "--api-port", "0", "--api-password-file", password.toString()}, ctx));
        Pattern api = Pattern.compile("MPS API on (http://127\\.0\\.0\\.1:\\d+)/api/v1");
        Matcher url = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (url == null && System.nanoTime() < deadline) {
            Matcher m = api.matcher(out.toString());
            if (m.find()) {
                url = m;
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(url).as(out.toString()).isNotNull();
        OkHttpClient http = new OkHttpClient();
        Request login = new Request.Builder().url(url.group(1) + "/api/v1/authorize").post(RequestBody.create(
                "{\"username\":\"admin\",\"password\":\"Cli-Api-P@ss\"}", MediaType.get("application/json"))).build();
        try (Response r = http.newCall(login).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }

        serving.interrupt();
        serving.join(Duration.ofSeconds(20));
        assertThat(serving.isAlive()).isFalse();
        assertThat(out.toString()).contains("Stopping.");
        http.connectionPool().evictAll();
        assertThatThrownBy(() -> http.newCall(login).execute().close()).isInstanceOf(IOException.class);
    }
}
