package dev.outband.app.store;

/** How the console talks TLS to a device: plain, TLS with certificate checks, or TLS pinned to a SHA-256 hash. */
public enum TlsMode {
    NONE, VERIFY, PINNED
}
