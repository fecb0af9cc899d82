package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"pc01", "amt.lab.example.org", "192.168.1.20", "::1", "fe80::1%eth0",
            "2001:db8::8a2e:370:7334", "[2001:db8::1]", "::ffff:10.0.0.1"})
    void acceptsHostnamesAndAddresses(String host) {
        assertThat(HostNames.problem(host)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad host", "300.1.1.1", "1.2.3", "-pc", "a..b", "1::2::3", "gggg::1", "pc_01"})
    void refusesWhatIsNeitherAHostnameNorAnAddress(String host) {
        assertThat(HostNames.problem(host)).isNotNull();
    }
}
