package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.simulator.device.BootOptions;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Display;
import dev.outband.simulator.device.PowerState;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PowerEndToEndTest {
    private Fixture sim;
    private PowerService power;

    @BeforeEach
    void start() throws Exception {
        sim = new Fixture();
        power = sim.client().power();
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
    }

    @Test
    void statusReportsTheSimulatorsPowerStateAndOsState() throws Exception {
        assertThat(power.status().cimState()).isEqualTo(2);
        assertThat(power.status().osPowerSavingState()).isEqualTo(2);
        power.perform(PowerAction.OFF);
        assertThat(power.status().cimState()).isEqualTo(8);
        assertThat(power.status().name()).isEqualTo("Off - Soft");
    }

    @Test
    void everyPlainActionMovesTheDeviceAsAmtWould() throws Exception {
        List<PowerState> seen = new CopyOnWriteArrayList<>();
        sim.device.addPowerListener((state, display) -> seen.add(state));

        power.perform(PowerAction.SLEEP);
        assertThat(sim.device.powerState()).isEqualTo(PowerState.SLEEP);
        power.perform(PowerAction.ON);
        assertThat(sim.device.powerState()).isEqualTo(PowerState.ON);
        power.perform(PowerAction.HIBERNATE);
        assertThat(sim.device.powerState()).isEqualTo(PowerState.HIBERNATE);
        power.perform(2);
        power.perform(PowerAction.RESET);
        assertThat(sim.device.display()).isEqualTo(Display.BOOTING);
        power.perform(PowerAction.CYCLE);
        power.perform(PowerAction.SOFT_RESET);
        assertThat(sim.device.powerState()).isEqualTo(PowerState.ON);
        power.perform(PowerAction.SOFT_OFF);
        assertThat(sim.device.powerState()).isEqualTo(PowerState.OFF);
        assertThat(sim.device.display()).isEqualTo(Display.BLACK);

        assertThat(seen).containsExactly(PowerState.SLEEP, PowerState.ON, PowerState.HIBERNATE, PowerState.ON,
                PowerState.ON, PowerState.ON, PowerState.ON, PowerState.OFF);
    }

    @Test
    void resettingAnOffDeviceIsRefusedWithTheNamedReturnValue() throws Exception {
        power.perform(PowerAction.OFF);
        assertThatThrownBy(() -> power.perform(PowerAction.RESET))
                .isInstanceOf(ReturnValueException.class)
                .hasMessage("RequestPowerStateChange failed: Unknown or unspecified error (2)");
        assertThat(sim.device.powerState()).isEqualTo(PowerState.OFF);
    }

    @Test
    void bootToBiosShowsTheBiosSetupScreenAndStaysThere() throws Exception {
        power.perform(PowerAction.RESET_TO_BIOS);
        assertThat(sim.device.display()).isEqualTo(Display.BIOS_SETUP);
        Thread.sleep(300);
        assertThat(sim.device.display()).isEqualTo(Display.BIOS_SETUP);
    }

    @Test
    void pxeBootFromOffPassesThroughPxeThenReachesTheDesktop() throws Exception {
        power.perform(PowerAction.OFF);
        power.perform(PowerAction.PXE_ON);
        assertThat(sim.device.powerState()).isEqualTo(PowerState.ON);
        assertThat(sim.device.display()).isEqualTo(Display.PXE_BOOT);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sim.device.display() != Display.DESKTOP && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sim.device.display()).isEqualTo(Display.DESKTOP);
    }

    @Test
    void aPlainResetClearsBootFlagsLeftOverFromAnEarlierBootToBios() throws Exception {
        sim.device.setBootOptions(new BootOptions(true, false, false, BootOptions.PXE, true));
        power.perform(PowerAction.RESET);
        assertThat(sim.device.display()).isEqualTo(Display.BOOTING);
    }

    @Test
    void capabilitiesListGracefulActionsOnlyFromAmt10() throws Exception {
        assertThat(power.supportedActions()).contains(PowerAction.SOFT_OFF, PowerAction.RESET_TO_BIOS,
                PowerAction.PXE_ON, PowerAction.DIAGNOSTIC_RESET);
        try (Fixture old = new Fixture(DeviceConfig.of("old", "admin", "P@ssw0rd!").withAmtVersion("9.5.3"))) {
            PowerService oldPower = old.client().power();
            assertThat(oldPower.supportedActions()).contains(PowerAction.RESET).doesNotContain(PowerAction.SOFT_OFF);
            assertThat(oldPower.status().osPowerSavingState()).isZero();
        }
    }
}
