package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** The forms MeshCommander and URLs (RFC 3986 authority: host, ":" port, IPv6 in brackets) write. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:17000|127.0.0.1|17000",
        "amt.lab.example.org:623|amt.lab.example.org|623",
        "[2001:db8::1]:16993|2001:db8::1|16993",
        "[::1]:17000|::1|17000",
        "2001:db8::1|2001:db8::1|",
        "pc01|pc01|"})
    void splitsAPortFromItsHost(String text, String host, Integer port) {
        assertThat(HostNames.problem(text)).isNull();
        assertThat(HostNames.split(text)).isEqualTo(new HostNames.Address(host, port));
        assertThat(HostNames.split(HostNames.join(host, port))).isEqualTo(new HostNames.Address(host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:", "pc01:http", "[::1]:x", "300.1.1.1:80"})
    void refusesABadPort(String text) {
        assertThat(HostNames.problem(text)).isNotNull();
    }

    @Test
    void anIpv4AddressWithAPortIsNotCalledABadIpv6Address() {
        assertThat(HostNames.problem("127.0.0.1:17000")).isNull();
        assertThat(HostNames.problem("127.0.0.1:99999")).isEqualTo("Not a valid port after ':' (1 to 65535)");
    }
}
