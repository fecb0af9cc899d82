package dev.outband.app.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.store.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceFilterTest {
    private final Device lab = Device.of("Lab-PC-01", "10.0.0.1").withTags(List.of("lab", "floor2"));
    private final Device office = Device.of("reception", "reception.corp.example").withTags(List.of("office"));

    @Test
    void searchMatchesNameHostOrTagIgnoringCase() {
        assertThat(List.of(lab, office)).filteredOn(new DeviceFilter("lab-pc", null)).containsExactly(lab);
        assertThat(List.of(lab, office)).filteredOn(new DeviceFilter("CORP.example", null)).containsExactly(office);
        assertThat(List.of(lab, office)).filteredOn(new DeviceFilter("floor", null)).containsExactly(lab);
        assertThat(List.of(lab, office)).filteredOn(new DeviceFilter("  ", null)).containsExactly(lab, office);
    }

    @Test
    void theTagFilterKeepsOnlyDevicesWithThatTag() {
        assertThat(List.of(lab, office)).filteredOn(new DeviceFilter("", "office")).containsExactly(office);
        assertThat(List.of(lab, office)).filteredOn(new DeviceFilter("lab", "office")).isEmpty();
    }
}
