package dev.outband.wsman.http;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.tls.LegacyTls;
import dev.outband.wsman.tls.TrustFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Posts one envelope to /wsman and returns the reply bytes, bounded while reading. */
public final class WsmanTransport implements EnvelopeTransport {
    private static final MediaType SOAP = MediaType.get("application/soap+xml; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl url;
    private final WsmanSettings settings;

    public WsmanTransport(OkHttpClient http, HttpUrl url, WsmanSettings settings) {
        this.http = http;
        this.url = url;
        this.settings = settings;
    }

    @Override
    public byte[] post(String envelope) throws WsmanException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(envelope, SOAP)).build();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            byte[] bytes = readBounded(body);
            // AMT sends faults with 400/500 and a SOAP body; anything else without XML is a transport error.
            if (!response.isSuccessful() && bytes.length == 0) {
                throw new WsmanException.Unreachable(url.host() + ":" + url.port() + " answers HTTP " + response.code()
                        + ", not as AMT's WS-Man service", null);
            }
            return bytes;
        } catch (WsmanException e) {
            throw e;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private byte[] readBounded(ResponseBody body) throws IOException {
        long limit = settings.maxBodyBytes();
        if (body.contentLength() > limit) {
            throw new WsmanException.MalformedReply("reply larger than " + limit + " bytes", null);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 8192) != -1) {
            if (buffer.size() > limit) {
                throw new WsmanException.MalformedReply("reply larger than " + limit + " bytes", null);
            }
        }
        return buffer.readByteArray();
    }

    static WsmanException translate(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WsmanException w) {
                return w;
            }
            if (t instanceof TrustFailure f) {
                return f.toWsmanException();
            }
            if (t instanceof SocketTimeoutException) {
                return new WsmanException.NetworkTimeout(e);
            }
        }
        Optional<String> handshake = LegacyTls.explainHandshake(e);
        if (handshake.isPresent()) {
            return new WsmanException.Unreachable(handshake.get(), e);
        }
        if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return new WsmanException.NetworkTimeout(e);
        }
        return new WsmanException.Unreachable(String.valueOf(e.getMessage()), e);
    }
}
