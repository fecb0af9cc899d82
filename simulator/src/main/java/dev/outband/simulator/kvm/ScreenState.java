package dev.outband.simulator.kvm;

import java.util.List;

/**
 * Everything the synthetic screen depends on, so a test can draw the same picture the server sent.
 *
 * @param pointerX last pointer position from the viewer
 * @param buttons last button mask (a pressed button fills the pointer mark)
 * @param typed characters typed by the viewer (last ones shown)
 * @param firmware lines the firmware printed while booting (what it read through IDE-R)
 */
public record ScreenState(ScreenMode mode, long epochSecond, int pointerX, int pointerY, int buttons, String typed,
        List<String> firmware) {
    public ScreenState {
        firmware = List.copyOf(firmware);
    }

    /** A screen with nothing printed by the firmware. */
    public ScreenState(ScreenMode mode, long epochSecond, int pointerX, int pointerY, int buttons, String typed) {
        this(mode, epochSecond, pointerX, pointerY, buttons, typed, List.of());
    }
}
