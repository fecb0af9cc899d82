package dev.outband.app.remote;

import dev.outband.app.store.Reach;

/** Which source serves a device and its GUID there; kept in the device's {@link Reach} id as "source/guid". */
public record RemoteId(String source, String guid) {
    public Reach reach() {
        return Reach.mps(source + "/" + guid);
    }

    public static RemoteId of(Reach reach) {
        int slash = reach.id().lastIndexOf('/');
        if (reach.kind() != Reach.Kind.MPS || slash <= 0) {
            throw new IllegalArgumentException("not a remote source's device: " + reach);
        }
        return new RemoteId(reach.id().substring(0, slash), reach.id().substring(slash + 1));
    }
}
