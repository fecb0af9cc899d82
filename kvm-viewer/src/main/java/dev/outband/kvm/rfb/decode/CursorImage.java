package dev.outband.kvm.rfb.decode;

/** A pointer shape from the Cursor pseudo-encoding; transparent where the mask is clear. */
public record CursorImage(int hotX, int hotY, int width, int height, int[] argb) {}
