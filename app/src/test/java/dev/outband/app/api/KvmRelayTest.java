package dev.outband.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionClient;
import dev.outband.kvm.rfb.RfbCodec;
import dev.outband.kvm.rfb.RfbHandshake;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbSettings;
import dev.outband.kvm.rfb.ServerInit;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * KVM through the relay websocket as DMT's web UI opens it (src/server/webserver.ts, src/utils/wsRedirect.ts):
 * token as subprotocol, p=2 with empty credentials, the relay answering AMT's digest with the stored account.
 * The expected screen is the simulator's AMT KVM framebuffer, 800×600 (simulator/kvm/RfbServer).
 */
@Timeout(90)
class KvmRelayTest {
    @TempDir
    Path home;

    @Test
    void withEmptyCredentialsTheRelayAuthenticatesAndDeviceBytesArriveAsTextFramesAsFromMps() throws Exception {
        try (ApiFixture lab = new ApiFixture(home, 1, s -> s)) {
            String token = lab.login();
            try (RelayClient kvm = open(lab, token, 0)) {
                Response upgrade = kvm.opened.get(20, TimeUnit.SECONDS);
                String relayToken = upgrade.request().header("Sec-WebSocket-Protocol");
                // MPS echoes the token as the selected subprotocol.
                assertThat(upgrade.header("Sec-WebSocket-Protocol")).isEqualTo(relayToken);
                ServerInit init = handshake(kvm);
                assertThat(init.width()).isEqualTo(800);
                assertThat(init.height()).isEqualTo(600);
                assertThat(kvm.textFrames.get()).isPositive();
                assertThat(kvm.binaryFrames.get()).isZero();
                // Bytes above 0x7F travel as characters U+0080..U+00FF, i.e. two UTF-8 bytes on the wire.
                assertThat(kvm.highCharacters.get()).isPositive();

                try (RelayClient second = open(lab, token, 0)) {
                    assertThatThrownBy(() -> second.opened.get(20, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class).hasMessageContaining("HTTP 409");
                }
            }
        }
    }

    @Test
    void withBinaryFramesChosenTheDeviceBytesArriveAsTheyAre() throws Exception {
        try (ApiFixture lab = new ApiFixture(home, 1, s -> s.withRelayTextFrames(false))) {
            try (RelayClient kvm = open(lab, lab.login(), 0)) {
                kvm.opened.get(20, TimeUnit.SECONDS);
                ServerInit init = handshake(kvm);
                assertThat(init.width()).isEqualTo(800);
                assertThat(kvm.binaryFrames.get()).isPositive();
                assertThat(kvm.textFrames.get()).isZero();
            }
        }
    }

    @Test
    void theRelayRefusesAMissingTokenAndATokenForAnotherDevice() throws Exception {
        try (ApiFixture lab = new ApiFixture(home, 2, s -> s)) {
            String token = lab.login();
            String url = relayUrl(lab, 0);
            try (RelayClient none = new RelayClient(lab.http, url, null)) {
                assertThatThrownBy(() -> none.opened.get(20, TimeUnit.SECONDS)).hasMessageContaining("HTTP 401");
            }
            String otherDevice = lab.ok(lab.get("/api/v1/authorize/redirection/" + lab.guid(1), token))
                    .get("token").asText();
            try (RelayClient wrong = new RelayClient(lab.http, url, otherDevice)) {
                assertThatThrownBy(() -> wrong.opened.get(20, TimeUnit.SECONDS)).hasMessageContaining("HTTP 401");
            }
        }
    }

    private static RelayClient open(ApiFixture lab, String token, int device) throws Exception {
        String relayToken = lab.ok(lab.get("/api/v1/authorize/redirection/" + lab.guid(device), token))
                .get("token").asText();
        return new RelayClient(lab.http, relayUrl(lab, device), relayToken);
    }

    private static String relayUrl(ApiFixture lab, int device) {
        return lab.url("/relay/webrelay.ashx?p=2&host=" + lab.guid(device)
                + "&port=16994&tls=0&tls1only=0&mode=kvm").replaceFirst("^http", "ws");
    }

    private static ServerInit handshake(RelayClient kvm) throws Exception {
        OutputStream out = kvm.output();
        RedirectionClient.openKvm(kvm.input(), out, AmtCredentials.relay());
        return new RfbHandshake(new RfbCodec(RfbSettings.defaults())).run(new RfbInput(kvm.input()), out, null, true);
    }
}
