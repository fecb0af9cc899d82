package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeviceStoreTest {
    private static final String PASSWORD = "Zq7!unusual-Secret#42";

    @TempDir
    Path folder;

    private Device sample(DeviceRepository repo) {
        return Device.of("lab-pc-01", "lab-pc-01.example.org")
                .withTags(List.of("lab", "floor2"))
                .withCredentials("admin", repo.seal(PASSWORD))
                .withState(new DeviceState("On", "16.1.27", Instant.parse("2026-11-20T10:15:30Z")));
    }

    @Test
    void flywayCreatesTheDeviceTableInANewH2File() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            assertThat(store.devices().findAll()).isEmpty();
        }
        assertThat(folder.resolve("outband.mv.db")).exists();
    }

    @Test
    void aNewStoreLeavesNoTraceFile() throws Exception {
        // H2 writes outband.trace.db only when a statement fails (TRACE_LEVEL_FILE 1, errors): a new store has none.
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            assertThat(store.devices().findAll()).isEmpty();
        }
        try (DeviceStore reopened = DeviceStore.open(folder, () -> null)) {
            assertThat(reopened.devices().findAll()).isEmpty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("outband.trace.db");
        }
    }

    @Test
    void savedDevicesAreFoundUpdatedAndDeleted() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            DeviceRepository repo = store.devices();
            Device saved = repo.save(sample(repo));
            assertThat(saved.id()).isNotNull();
            assertThat(repo.findById(saved.id())).get().extracting(Device::host).isEqualTo("lab-pc-01.example.org");

            repo.save(saved.withTags(List.of("moved")).withTls(TlsMode.PINNED, "ab".repeat(32)));
            Device reread = repo.findByName("lab-pc-01").orElseThrow();
            assertThat(reread.tags()).containsExactly("moved");
            assertThat(reread.tls()).isEqualTo(TlsMode.PINNED);
            assertThat(reread.pinnedSha256()).isEqualTo("ab".repeat(32));
            assertThat(reread.state().amtVersion()).isEqualTo("16.1.27");
            assertThat(repo.tags()).containsExactly("moved");

            assertThat(repo.delete(saved.id())).isTrue();
            assertThat(repo.findAll()).isEmpty();
        }
    }

    @Test
    void recordingADevicesStateKeepsWhatTheUserChangedMeanwhile() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            DeviceRepository repo = store.devices();
            Device before = repo.insert(sample(repo));
            repo.update(before.withTags(List.of("moved-to-floor3")));

            Instant now = Instant.parse("2026-11-23T10:00:00Z");
            repo.updateState(before.id(), new DeviceState("Off - Soft", null, now));

            Device after = repo.findById(before.id()).orElseThrow();
            assertThat(after.tags()).containsExactly("moved-to-floor3");
            assertThat(after.state()).isEqualTo(new DeviceState("Off - Soft", "16.1.27", now));
        }
    }

    @Test
    void aSecondDeviceWithTheSameNameIsRefused() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.devices().save(Device.of("pc", "10.0.0.1"));
            assertThatThrownBy(() -> store.devices().save(Device.of("pc", "10.0.0.2")))
                    .isInstanceOf(DuplicateNameException.class).hasMessageContaining("'pc'");
        }
    }

    @Test
    void aReopenedStoreFindsTheDeviceAndItsPasswordStillDecrypts() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.devices().save(sample(store.devices()));
        }
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            Device d = store.devices().findByName("lab-pc-01").orElseThrow();
            assertThat(d.password().reveal()).isEqualTo(PASSWORD);
            assertThat(d.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void neitherThePasswordNorHostsNamesOrUsersAppearInClearInAnyFileOfTheStore() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.devices().save(sample(store.devices()).withCredentials("technician-7", store.devices().seal(PASSWORD)));
        }
        for (String clear : List.of(PASSWORD, "lab-pc-01.example.org", "technician-7", "floor2")) {
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE)) {
                byte[] needle = clear.getBytes(cs);
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.toList()) {
                        assertThat(indexOf(Files.readAllBytes(f), needle)).as(clear + " in " + f).isEqualTo(-1);
                    }
                }
            }
        }
        // H2's own header of an encrypted file ("H2encrypt"), not its clear one ("H:2,block:").
        assertThat(new String(Files.readAllBytes(folder.resolve("outband.mv.db")), 0, 9, StandardCharsets.US_ASCII))
                .isEqualTo("H2encrypt");
    }

    @Test
    void theKeyFileIsReadableByTheUserOnly() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            assertThat(store.devices().count()).isZero();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("store.keyring"))))
                .isEqualTo("rw-------");
        Path fresh = folder.resolve("fresh");
        DataFolder.ensureExists(fresh);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    }

    @Test
    void aProtectedStoreOpensWithItsMasterPasswordAndRefusesAWrongOne() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.changeMasterPassword(null, "correct horse".toCharArray());
        }
        try (DeviceStore store = DeviceStore.open(folder, "correct horse"::toCharArray)) {
            store.devices().save(sample(store.devices()));
        }
        assertThat(folder.resolve("store.key")).doesNotExist();
        assertThatThrownBy(() -> DeviceStore.open(folder, "wrong horse"::toCharArray))
                .isInstanceOf(WrongMasterPasswordException.class).hasMessageContaining("Wrong master password");
        try (DeviceStore store = DeviceStore.open(folder, "correct horse"::toCharArray)) {
            assertThat(store.devices().findByName("lab-pc-01").orElseThrow().password().reveal()).isEqualTo(PASSWORD);
        }
    }

    @Test
    void anExistingOpenDataFolderAndTheStoreFilesInItBecomeOwnerOnlyButOtherFilesStayAsTheyWere() throws Exception {
        Path shared = folder.resolve("shared");
        Files.createDirectories(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (DeviceStore store = DeviceStore.open(shared, () -> null)) {
            store.secrets().save("cira-password", "x");
        }
        for (String name : List.of("store.keyring", "outband.mv.db", "cira-password.sealed")) {
            Files.setPosixFilePermissions(shared.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notes = Files.writeString(shared.resolve("notes.txt"), "someone else's");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));

        try (DeviceStore store = DeviceStore.open(shared, () -> null)) {
            assertThat(mode(shared)).isEqualTo("rwx------");
            assertThat(mode(shared.resolve("store.keyring"))).isEqualTo("rw-------");
            assertThat(mode(shared.resolve("outband.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(shared.resolve("cira-password.sealed"))).isEqualTo("rw-------");
            assertThat(mode(notes)).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aNewStoresDatabaseFileIsOwnerOnlyWhateverTheUmask() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder.resolve("new"), () -> null)) {
            assertThat(mode(store.file())).isEqualTo("rw-------");
        }
    }

    private static String mode(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
