package dev.outband.app.remote;

/** How many websocket frames of each kind a KVM relay sent: MPS sends text, DMT Console binary. */
public record RelayFrames(long text, long binary) {
}
