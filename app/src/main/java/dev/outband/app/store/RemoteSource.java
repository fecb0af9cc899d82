package dev.outband.app.store;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A remote MPS or DMT Console whose devices the console lists: its API address, login and how its TLS
 * certificate is trusted. {@code id} is null until saved; {@code password} is sealed and never printed.
 */
public record RemoteSource(Long id, String name, URI url, String user, Secret password, Trust trust,
                           String pinnedSha256) {
    /** How the server's certificate is checked: the JVM's roots, the lab CA's root as well, or one pinned certificate. */
    public enum Trust { SYSTEM, LAB, PINNED }

    public RemoteSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        trust = trust == null ? Trust.SYSTEM : trust;
        if (name.isBlank() || name.contains("/")) {
            // Devices are named "source/device" on the command line.
            throw new IllegalArgumentException("a source name must not be empty nor contain '/': " + name);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new IllegalArgumentException("a source URL is https://host[:port] (or http:// for a lab), not " + url);
        }
        if (trust == Trust.PINNED) {
            if (pinnedSha256 == null || !pinnedSha256.replace(":", "").matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("a pinned source needs a SHA-256 fingerprint (64 hex digits)");
            }
            pinnedSha256 = pinnedSha256.replace(":", "").toLowerCase(Locale.ROOT);
        } else {
            pinnedSha256 = null;
        }
    }

    public RemoteSource pinned(String sha256) {
        return new RemoteSource(id, name, url, user, password, Trust.PINNED, sha256);
    }
}
