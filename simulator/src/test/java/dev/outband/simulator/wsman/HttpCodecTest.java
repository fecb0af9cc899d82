package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class HttpCodecTest {
    private final HttpCodec codec = new HttpCodec(HttpLimits.defaults(),
            "Intel(R) Active Management Technology 16.1.25.2049");

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void chunkedAndContentLengthRequestsFollowEachOtherOnOneConnection() throws Exception {
        InputStream in = bytes("POST /wsman HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
                + "POST /wsman HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nfg");
        HttpRequest first = codec.read(in);
        assertThat(new String(first.body(), StandardCharsets.US_ASCII)).isEqualTo("abcde");
        assertThat(first.keepAlive()).isTrue();
        HttpRequest second = codec.read(in);
        assertThat(new String(second.body(), StandardCharsets.US_ASCII)).isEqualTo("fg");
        assertThat(second.keepAlive()).isFalse();
        assertThat(codec.read(in)).isNull();
    }

    @Test
    void aBodyAboveTheLimitIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> codec.read(bytes("POST /wsman HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n")))
                .isInstanceOf(HttpCodec.HttpProtocolException.class).hasMessage("body too large");
        assertThatThrownBy(() -> codec.read(bytes("POST /wsman HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFF\r\n")))
                .isInstanceOf(HttpCodec.HttpProtocolException.class).hasMessage("body too large");
    }

    @Test
    void anEndlessHeaderLineIsRefused() {
        assertThatThrownBy(() -> codec.read(bytes("POST /wsman HTTP/1.1\r\nX: " + "a".repeat(20_000) + "\r\n\r\n")))
                .isInstanceOf(HttpCodec.HttpProtocolException.class);
    }
}
