package dev.outband.app.remote;

/** How many devices a source knows and how many are connected to it now. */
public record SourceStats(int total, int connected, int disconnected) {
}
