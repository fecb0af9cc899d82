package dev.outband.app.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A password sealed with the store key for one place (see {@link SecretBox}). Only {@link #reveal()}
 * yields the clear text, so a device record can be logged, copied or shown without leaking it.
 */
public final class Secret {
    private final byte[] sealed;
    private final String place;
    private final SecretBox box;

    Secret(byte[] sealed, String place, SecretBox box) {
        this.sealed = sealed.clone();
        this.place = Objects.requireNonNull(place);
        this.box = Objects.requireNonNull(box);
    }

    /** The clear text; call it only where a protocol needs the password. */
    public String reveal() {
        return box.open(sealed, place);
    }

    /** The sealed bytes for {@code target} at {@code newPlace}: these, or the value sealed anew there. */
    byte[] sealedFor(SecretBox target, String newPlace) {
        if (target == box && newPlace.equals(place)) {
            return sealed.clone();
        }
        return target.encrypt(reveal().getBytes(StandardCharsets.UTF_8), newPlace);
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
