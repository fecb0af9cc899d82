package dev.outband.app.remote;

import dev.outband.app.store.Device;
import dev.outband.app.store.RemoteSource;
import dev.outband.app.store.TlsMode;
import dev.outband.app.store.SecretBox;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Sources for tests, their passwords sealed with a throw-away key. */
final class Sources {
    private static final SecretBox BOX = new SecretBox(new SecretKeySpec(new byte[32], "AES"));

    private Sources() {
    }

    static RemoteSource source(String name, String url, String password) {
        return new RemoteSource(null, name, URI.create(url), ApiServer.USER, BOX.seal(password, "test"),
                RemoteSource.Trust.SYSTEM, null);
    }

    /** A device of {@code source} as the table would hand it over. */
    static Device device(String source, String guid) {
        return new Device(null, source + "/" + guid, guid, List.of(), null, null, TlsMode.NONE, null,
                new RemoteId(source, guid).reach(), null);
    }

    static RemoteSources of(Clock clock, RemoteSettings settings, RemoteSource... sources) {
        return new RemoteSources(() -> List.of(sources), List::of, settings, clock);
    }
}
