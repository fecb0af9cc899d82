package dev.outband.kvm.rfb;

/** Framebuffer size, the server's native pixel format and the desktop name. */
public record ServerInit(int width, int height, PixelFormat format, String name) {}
