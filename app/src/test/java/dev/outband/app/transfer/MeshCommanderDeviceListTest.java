package dev.outband.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MeshCommander's computer list as its index.html (github.com/Ylianst/MeshCommander) saves it: saveComputerListOk
 * writes JSON.stringify({webappversion, computers}, null, '  ') with "\n" replaced by "\r\n"; addComputerButton
 * stores name, host, tags, user and pass through encodeURIComponent and tls as 0/1, in that order; after a
 * connection the entry gains digestrealm, ver, pstate, pmode and date; portsFromHost reads host:http:redirection.
 * The encoded strings below are what encodeURIComponent gives for them (ECMA-262: only A-Z a-z 0-9 -_.!~*'() stay).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeshCommanderDeviceListTest {
    /** A list shaped as MeshCommander saves it, CRLF line ends and no final one. */
    private static final String SAVED_BY_MESHCOMMANDER = String.join("\r\n",
            "{",
            "  \"webappversion\": \"0.9.5\",",
            "  \"computers\": [",
            "    {",
            "      \"name\": \"Front%20Desk%20PC\",",
            "      \"host\": \"192.168.1.20\",",
            "      \"tags\": \"Floor%201%2Creception\",",
            "      \"user\": \"admin\",",
            "      \"pass\": \"Mesh%40Pass1\",",
            "      \"tls\": 0",
            "    },",
            "    {",
            "      \"name\": \"Lab%20NAT\",",
            "      \"host\": \"amt.example.org%3A17000%3A17002\",",
            "      \"tags\": \"\",",
            "      \"user\": \"admin\",",
            "      \"pass\": \"S%C3%BCper%2BSecret%25\",",
            "      \"tls\": 1,",
            "      \"digestrealm\": \"Digest:A3829B3827DE4D33D4449B366831FD01\",",
            "      \"ver\": \"16.1.27\",",
            "      \"pstate\": 2,",
            "      \"pmode\": 1,",
            "      \"date\": \"2024-03-05T10:11:12.000Z\"",
            "    },",
            "    {",
            "      \"name\": \"v6%20box\",",
            "      \"host\": \"%5B2001%3Adb8%3A%3A5%5D%3A16993\",",
            "      \"tags\": \"\",",
            "      \"user\": \"admin\",",
            "      \"pass\": \"\",",
            "      \"tls\": 1",
            "    },",
            "    {",
            "      \"name\": \"kerberos-pc\",",
            "      \"host\": \"pc7.corp.example\",",
            "      \"tags\": \"\",",
            "      \"user\": \"*\",",
            "      \"pass\": \"HTTP%2Fpc7.corp.example\",",
            "      \"tls\": 1",
            "    }",
            "  ]",
            "}");

    @TempDir
    Path folder;

    private DeviceStore store;
    private DeviceTransfer transfer;

    @BeforeEach
    void openStore() throws Exception {
        store = DeviceStore.open(folder.resolve("data"), () -> null);
        transfer = new DeviceTransfer(store.devices());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aListSavedByMeshCommanderIsReadDecodedWithItsPorts() throws Exception {
        Path file = Files.writeString(folder.resolve("computerlist.json"), SAVED_BY_MESHCOMMANDER);

        ImportResult result = transfer.importFile(file, null);

        assertThat(result.imported()).containsExactly("Front Desk PC", "Lab NAT", "v6 box");
        Device desk = store.devices().findByName("Front Desk PC").orElseThrow();
        assertThat(desk.host()).isEqualTo("192.168.1.20");
        assertThat(desk.password().reveal()).isEqualTo("Mesh@Pass1");
        assertThat(desk.tags()).containsExactly("Floor", "1", "reception");
        assertThat(desk.wsmanPort()).isNull();
        Device nat = store.devices().findByName("Lab NAT").orElseThrow();
        assertThat(nat.host()).isEqualTo("amt.example.org");
        assertThat(nat.wsmanPort()).isEqualTo(17000);
        assertThat(nat.kvmPort()).isEqualTo(17002);
        assertThat(nat.tls()).isEqualTo(TlsMode.VERIFY);
        assertThat(nat.password().reveal()).isEqualTo("Süper+Secret%");
        Device v6 = store.devices().findByName("v6 box").orElseThrow();
        assertThat(v6.host()).isEqualTo("2001:db8::5");
        assertThat(v6.wsmanPort()).isEqualTo(16993);
        assertThat(v6.password()).isNull();
        assertThat(result.rejected()).singleElement().hasToString(
                "entry 4 (line 33): a Kerberos entry (user '*'): Outband signs in with Digest only");
    }

    @Test
    void problemsInAListOnOneLineNameTheirEntry() throws Exception {
        Path file = Files.writeString(folder.resolve("one-line.json"), "{\"computers\":[{\"name\":\"a\",\"host\":\"a.lab\"},"
                + "{\"name\":\"b\",\"host\":\"bad%20host\"},{\"name\":\"c\",\"host\":\"c.lab%3A99999\"},"
                + "{\"name\":\"d%ZZ\",\"host\":\"d.lab\"}]}");

        ImportResult result = transfer.importFile(file, null);

        assertThat(result.imported()).containsExactly("a");
        assertThat(result.rejected()).extracting(Rejection::toString).containsExactly(
                "entry 2 (line 1): Not a valid hostname (letters, digits, '-' and '.') ('bad host')",
                "entry 3 (line 1): host 'c.lab:99999': '99999' is not a port (1 to 65535)",
                "entry 4 (line 1): name is not URL-encoded as MeshCommander writes it: '%' must be followed by two hex digits");
    }

    @Test
    void theExportIsWhatMeshCommanderWouldHaveSaved() {
        Device desk = new Device(null, "Front Desk PC", "192.168.1.20", List.of("Floor-1", "reception"), "admin",
                null, TlsMode.NONE, null, Reach.DIRECT, DeviceState.UNKNOWN);

        assertThat(MeshCommanderDeviceList.write(List.of(desk), false)).isEqualTo(String.join("\r\n",
                "{",
                "  \"webappversion\": \"Outband\",",
                "  \"computers\": [",
                "    {",
                "      \"name\": \"Front%20Desk%20PC\",",
                "      \"host\": \"192.168.1.20\",",
                "      \"tags\": \"Floor-1%2Creception\",",
                "      \"user\": \"admin\",",
                "      \"pass\": \"\",",
                "      \"tls\": 0",
                "    }",
                "  ]",
                "}"));
    }

    @Test
    void aStoreSurvivesAnExportAndImportWithPortsPasswordsAndOddCharacters() throws Exception {
        store.devices().insert(Device.of("Front Desk PC", "192.168.1.20").withTags(List.of("lab", "desk"))
                .withCredentials("admin", store.devices().seal("Mesh@Pass1 +%/é")));
        store.devices().insert(Device.of("nat (ü)", "amt.example.org").withPorts(17000, 17002)
                .withCredentials("admin", store.devices().seal("x")).withTls(TlsMode.VERIFY, null));
        store.devices().insert(Device.of("v6", "2001:db8::5").withPorts(16993, null));
        store.devices().insert(Device.of("v6-bare", "fe80::1"));
        store.devices().insert(Device.of("kvm-only", "10.0.0.9").withPorts(null, 17994));
        Path file = folder.resolve("export.json");
        transfer.exportFile(file, TransferFormat.MESHCOMMANDER, true);
        List<Device> before = store.devices().findAll();

        try (DeviceStore other = DeviceStore.open(folder.resolve("other"), () -> null)) {
            ImportResult result = new DeviceTransfer(other.devices()).importFile(file, null);

            assertThat(result.rejected()).isEmpty();
            List<Device> after = other.devices().findAll();
            assertThat(after).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                Device b = before.get(i);
                Device a = after.get(i);
                // The ports the console uses (a default written out reads back as a port of its own).
                assertThat(List.of(a.name(), a.host(), a.tags(), String.valueOf(a.user()), a.tls(),
                        DeviceConnections.AMT_PORTS.wsman(a), DeviceConnections.AMT_PORTS.kvm(a)))
                        .isEqualTo(List.of(b.name(), b.host(), b.tags(), String.valueOf(b.user()), b.tls(),
                                DeviceConnections.AMT_PORTS.wsman(b), DeviceConnections.AMT_PORTS.kvm(b)));
                assertThat(a.password() == null ? null : a.password().reveal())
                        .isEqualTo(b.password() == null ? null : b.password().reveal());
            }
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Mesh%40Pass1%20%2B%25%2F%C3%A9")
                .contains("amt.example.org%3A17000%3A17002").contains("%5B2001%3Adb8%3A%3A5%5D%3A16993");
    }
}
