package dev.outband.app.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password sealed with the store key. Only {@link #reveal()} yields the clear text, so a device
 * record can be logged, copied or shown without leaking it.
 */
public final class Secret {
    private final byte[] sealed;
    private final SecretBox box;

    Secret(byte[] sealed, SecretBox box) {
        this.sealed = sealed.clone();
        this.box = Objects.requireNonNull(box);
    }

    /** The clear text; call it only where a protocol needs the password. */
    public String reveal() {
        return box.open(sealed);
    }

    byte[] sealedBytes() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(sealed, s.sealed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
