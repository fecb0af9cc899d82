package dev.outband.simulator.kvm;

/**
 * Everything the synthetic screen depends on, so a test can draw the same picture the server sent.
 *
 * @param pointerX last pointer position from the viewer
 * @param buttons last button mask (a pressed button fills the pointer mark)
 * @param typed characters typed by the viewer (last ones shown)
 */
public record ScreenState(ScreenMode mode, long epochSecond, int pointerX, int pointerY, int buttons, String typed) {}
