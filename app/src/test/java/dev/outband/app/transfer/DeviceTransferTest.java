package dev.outband.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeviceTransferTest {
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
    void csvImportTakesGoodRowsAndReportsBadOnesByLineNumber() throws Exception {
        Path csv = Files.writeString(folder.resolve("list.csv"), """
                name,host,user,password,tls,tags
                pc-01,pc-01.lab.example,admin,Secr3t!1,1,lab;floor2
                pc-02,bad host,admin,x,0,lab
                ,10.0.0.3,admin,x,0,
                pc-04,10.0.0.4,admin,x,maybe,
                pc-01,10.0.0.5,admin,x,0,dup

                pc-06,fe80::6,admin,,0,lab floor3
                """);

        ImportResult result = transfer.importFile(csv, null);

        assertThat(result.imported()).containsExactly("pc-01", "pc-06");
        assertThat(result.rejected()).extracting(Rejection::line).containsExactly(3, 4, 5, 6);
        assertThat(result.rejected().get(0).reason()).contains("hostname");
        assertThat(result.rejected().get(1).reason()).contains("name is missing");
        assertThat(result.rejected().get(2).reason()).contains("tls");
        assertThat(result.rejected().get(3).reason()).contains("duplicate name 'pc-01'");
        Device first = store.devices().findByName("pc-01").orElseThrow();
        assertThat(first.tls()).isEqualTo(TlsMode.VERIFY);
        assertThat(first.tags()).containsExactly("lab", "floor2");
        assertThat(first.password().reveal()).isEqualTo("Secr3t!1");
        assertThat(store.devices().findByName("pc-06").orElseThrow().tags()).containsExactly("lab", "floor3");
    }

    @Test
    void meshCommanderImportAcceptsNumberAndBooleanTlsAndStringOrArrayTags() throws Exception {
        Path json = Files.writeString(folder.resolve("mesh.json"), """
                {
                  "computers": [
                    {"name": "desk-1", "host": "10.1.1.1", "user": "admin", "pass": "P@ss1", "tls": 1, "tags": "lab,desk"},
                    {"name": "desk-2", "host": "10.1.1.999", "user": "admin", "pass": "P@ss2", "tls": 0},
                    {"name": "desk-3", "host": "desk-3.example.org", "tls": true, "tags": ["a", "b"]},
                    {"name": "desk-4", "host": "10.1.1.4", "tls": 7}
                  ]
                }
                """);

        ImportResult result = transfer.importFile(json, null);

        assertThat(result.imported()).containsExactly("desk-1", "desk-3");
        assertThat(result.rejected()).extracting(Rejection::line).containsExactly(4, 6);
        assertThat(result.rejected().get(0).reason()).contains("IPv4");
        assertThat(result.rejected().get(1).reason()).contains("tls");
        assertThat(store.devices().findByName("desk-1").orElseThrow().tags()).containsExactly("lab", "desk");
        assertThat(store.devices().findByName("desk-3").orElseThrow().tags()).containsExactly("a", "b");
        assertThat(store.devices().findByName("desk-3").orElseThrow().tls()).isEqualTo(TlsMode.VERIFY);
    }

    @Test
    void importingANameAlreadyInTheStoreIsReportedAsDuplicate() throws Exception {
        store.devices().save(Device.of("pc-01", "10.0.0.1"));
        Path csv = Files.writeString(folder.resolve("list.csv"), "name,host\npc-01,10.0.0.2\npc-02,10.0.0.3\n");

        ImportResult result = transfer.importFile(csv, TransferFormat.CSV);

        assertThat(result.imported()).containsExactly("pc-02");
        assertThat(result.rejected()).containsExactly(new Rejection(2, "duplicate name 'pc-01'"));
    }

    @Test
    void aFileThatIsNoDeviceListIsRefusedAsAWhole() throws Exception {
        Path csv = Files.writeString(folder.resolve("x.csv"), "foo,bar\n1,2\n");
        assertThatThrownBy(() -> transfer.importFile(csv, null)).isInstanceOf(TransferException.class)
                .hasMessageContaining("Line 1");
        Path json = Files.writeString(folder.resolve("x.json"), "{\"computers\": [ {\"name\": ");
        assertThatThrownBy(() -> transfer.importFile(json, null)).isInstanceOf(TransferException.class)
                .hasMessageContaining("Invalid JSON");
    }

    @Test
    void exportRoundTripsWithoutPasswordsByDefault() throws Exception {
        store.devices().save(Device.of("pc-01", "10.0.0.1").withCredentials("admin", store.devices().seal("Hidden#Pw1"))
                .withTls(TlsMode.VERIFY, null).withTags(java.util.List.of("lab", "floor2")));
        Path csv = folder.resolve("out.csv");
        Path json = folder.resolve("out.json");
        transfer.exportFile(csv, TransferFormat.CSV, false);
        transfer.exportFile(json, TransferFormat.MESHCOMMANDER, false);
        assertThat(Files.readString(csv)).doesNotContain("Hidden#Pw1").contains("pc-01,10.0.0.1,admin,,1,lab;floor2");
        // MeshCommander always writes "pass"; without passwords it is empty.
        assertThat(Files.readString(json)).doesNotContain("Hidden").contains("\"pass\": \"\"");

        try (DeviceStore other = DeviceStore.open(folder.resolve("other"), () -> null)) {
            var otherTransfer = new DeviceTransfer(other.devices());
            assertThat(otherTransfer.importFile(csv, null).imported()).containsExactly("pc-01");
            Device back = other.devices().findByName("pc-01").orElseThrow();
            assertThat(back.host()).isEqualTo("10.0.0.1");
            assertThat(back.user()).isEqualTo("admin");
            assertThat(back.tls()).isEqualTo(TlsMode.VERIFY);
            assertThat(back.tags()).containsExactly("lab", "floor2");
            assertThat(back.password()).isNull();
        }
    }

    @Test
    void passwordsWithCommasQuotesAndLineBreaksSurviveACsvRoundTrip() throws Exception {
        String awkward = "a,b \"c\"\nd";
        store.devices().save(Device.of("pc-01", "10.0.0.1")
                .withCredentials("admin", store.devices().seal(awkward)));
        Path csv = folder.resolve("out.csv");
        transfer.exportFile(csv, TransferFormat.CSV, true);

        try (DeviceStore other = DeviceStore.open(folder.resolve("other"), () -> null)) {
            assertThat(new DeviceTransfer(other.devices()).importFile(csv, null).imported()).containsExactly("pc-01");
            assertThat(other.devices().findByName("pc-01").orElseThrow().password().reveal()).isEqualTo(awkward);
        }
    }

    @Test
    void exportIncludesPasswordsOnlyWhenAsked() throws Exception {
        store.devices().save(Device.of("pc-01", "10.0.0.1").withCredentials("admin", store.devices().seal("Hidden#Pw1")));
        Path json = folder.resolve("out.json");
        transfer.exportFile(json, TransferFormat.MESHCOMMANDER, true);
        assertThat(Files.readString(json)).contains("\"pass\": \"Hidden%23Pw1\"");
    }

    @Test
    void aTabbedFormulaNameIsRefusedInsteadOfStoredAsAFormulaAndExportsNeutralised() throws Exception {
        Path csv = Files.writeString(folder.resolve("tab.csv"), "name,host,user\n\"\t=1+1\",10.0.0.1,admin\n"
                + "pc-02,10.0.0.2,\"\t=3+3\"\n\"=2+2\",10.0.0.3,\n");

        ImportResult result = transfer.importFile(csv, null);

        assertThat(result.imported()).containsExactly("=2+2");
        assertThat(result.rejected()).containsExactly(
                new Rejection(2, "name holds a tab, line break or other control character"),
                new Rejection(3, "user holds a tab, line break or other control character"));
        assertThat(store.devices().findByName("=1+1")).isEmpty();

        Path out = folder.resolve("out.csv");
        transfer.exportFile(out, TransferFormat.CSV, false);
        assertThat(Files.readString(out)).isEqualTo("name,host,user,password,tls,tags\n\"'=2+2\",10.0.0.3,,,0,\n");
    }

    @Test
    void aFileFarLargerThanAnyDeviceListIsRefusedBeforeItIsRead() throws Exception {
        Path huge = folder.resolve("huge.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(1L << 30);
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> transfer.importFile(huge, null)).isInstanceOf(TransferException.class)
                .hasMessage("Cannot import huge.csv: the file is larger than a device list can be (1073741824 bytes;"
                        + " at most 16777216 are read, setting maxFileBytes)");
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void binaryFilesAreRefusedByTheOffsetOfTheirFirstBinaryByte() throws Exception {
        Path png = folder.resolve("icon.csv");
        try (var icon = getClass().getResourceAsStream("/dev/outband/app/icons/outband-16.png")) {
            Files.write(png, icon.readAllBytes());
        }
        Path nul = Files.write(folder.resolve("nul.csv"), "name,host\npc-1,10.0.0.1\n\0\0".getBytes(StandardCharsets.UTF_8));
        Path latin1 = Files.write(folder.resolve("latin1.csv"),
                concat("name,host\npc-\u00e9,10.0.0.1\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF}));

        // A PNG starts with 0x89, never the first byte of UTF-8; 10 + 14 header and row bytes; é is 2 bytes.
        assertThatThrownBy(() -> transfer.importFile(png, null)).isInstanceOf(TransferException.class)
                .hasMessageContaining("not a text file (binary data at byte 0)");
        assertThatThrownBy(() -> transfer.importFile(nul, null)).isInstanceOf(TransferException.class)
                .hasMessageContaining("not a text file (binary data at byte 24)");
        assertThatThrownBy(() -> transfer.importFile(latin1, null)).isInstanceOf(TransferException.class)
                .hasMessageContaining("not a text file (binary data at byte 25)");
        assertThat(store.devices().findAll()).isEmpty();
    }

    @Test
    void overlongFieldsAndDeepNestingAreReportedInWordsWithTheirLine() throws Exception {
        Path csv = Files.writeString(folder.resolve("long.csv"), "name,host\npc-1,10.0.0.1\npc-2," + "h".repeat(70_000) + "\n");
        Path json = Files.writeString(folder.resolve("deep.json"), "{\n\"computers\": [\n" + "[".repeat(40) + "]".repeat(40) + "]}");

        assertThatThrownBy(() -> transfer.importFile(csv, null)).isInstanceOf(TransferException.class)
                .hasMessage("Line 3: field longer than 65536 characters (setting maxFieldChars); nothing was imported");
        assertThatThrownBy(() -> transfer.importFile(json, null)).isInstanceOf(TransferException.class)
                .hasMessage("Entry 1 (line 3): nested deeper than 32 levels (setting maxJsonDepth); nothing was imported");
        assertThat(store.devices().findAll()).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void anExportWithPasswordsIsOwnerOnlyEvenOverAnOlderWorldReadableFile() throws Exception {
        store.devices().save(Device.of("pc-01", "10.0.0.1").withCredentials("admin", store.devices().seal("Hidden#Pw1")));
        Path old = Files.writeString(folder.resolve("old.csv"), "an older export");
        Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path fresh = folder.resolve("fresh.json");

        transfer.exportFile(old, TransferFormat.CSV, true);
        transfer.exportFile(fresh, TransferFormat.MESHCOMMANDER, true);

        for (Path p : java.util.List.of(old, fresh)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                    .as(p.toString()).isEqualTo("rw-------");
            // MeshCommander's list holds it URL-encoded ('#' is %23).
            assertThat(Files.readString(p)).containsAnyOf("Hidden#Pw1", "Hidden%23Pw1");
        }
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
