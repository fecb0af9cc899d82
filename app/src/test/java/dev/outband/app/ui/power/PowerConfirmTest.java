package dev.outband.app.ui.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.power.PowerAction;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PowerConfirmTest {
    @Test
    void theQuestionNamesTheFirstFiveDevicesAndCountsTheRest() {
        assertThat(PowerConfirm.names(List.of("a"))).isEqualTo("a");
        assertThat(PowerConfirm.names(List.of("a", "b"))).isEqualTo("a and b");
        assertThat(PowerConfirm.names(List.of("a", "b", "c", "d", "e"))).isEqualTo("a, b, c, d and e");
        List<String> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> "pc-" + i).toList();
        assertThat(PowerConfirm.names(twelve)).isEqualTo("pc-1, pc-2, pc-3, pc-4, pc-5 and 7 more");
    }

    @Test
    void onlyStartingOneDeviceGoesWithoutAQuestion() {
        assertThat(PowerConfirm.needed(PowerAction.ON, 1)).isFalse();
        assertThat(PowerConfirm.needed(PowerAction.PXE_ON, 1)).isFalse();
        assertThat(PowerConfirm.needed(PowerAction.ON, 2)).isTrue();
        for (PowerAction stops : List.of(PowerAction.OFF, PowerAction.SOFT_OFF, PowerAction.RESET,
                PowerAction.SOFT_RESET, PowerAction.CYCLE, PowerAction.SLEEP, PowerAction.HIBERNATE,
                PowerAction.RESET_TO_BIOS, PowerAction.PXE_RESET, PowerAction.DIAGNOSTIC_RESET)) {
            assertThat(PowerConfirm.needed(stops, 1)).as(stops.name()).isTrue();
        }
    }
}
