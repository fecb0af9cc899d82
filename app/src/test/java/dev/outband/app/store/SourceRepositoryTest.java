package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote sources in a real H2 store file: saved, pinned, removed, and their passwords sealed like a device's. */
class SourceRepositoryTest {
    private static final String PASSWORD = "Mps-Secr3t-Passw0rd";

    @TempDir
    Path folder;

    private static RemoteSource source(SourceRepository repo, String name) {
        return new RemoteSource(null, name, URI.create("https://mps.example:8443"), "standalone", repo.seal(PASSWORD),
                RemoteSource.Trust.SYSTEM, null);
    }

    @Test
    void aSourceIsKeptWithItsPasswordSealedAndOpensAfterAReopen() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            RemoteSource saved = store.sources().insert(source(store.sources(), "lab-mps"));
            assertThat(saved.id()).isNotNull();
            assertThat(saved.toString()).doesNotContain(PASSWORD);
        }
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            RemoteSource read = store.sources().findByName("LAB-MPS").orElseThrow();
            assertThat(read.url()).isEqualTo(URI.create("https://mps.example:8443"));
            assertThat(read.user()).isEqualTo("standalone");
            assertThat(read.password().reveal()).isEqualTo(PASSWORD);
            assertThat(read.trust()).isEqualTo(RemoteSource.Trust.SYSTEM);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(SourceRepositoryTest::read))
                    .noneMatch(text -> text.contains(PASSWORD));
        }
    }

    @Test
    void namesAreUniqueAndPinningAndRemovalWork() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            SourceRepository repo = store.sources();
            RemoteSource saved = repo.insert(source(repo, "lab-mps"));
            assertThatThrownBy(() -> repo.insert(source(repo, "lab-mps"))).isInstanceOf(DuplicateNameException.class);

            String sha = "AB".repeat(32);
            assertThat(repo.pin(saved.id(), sha).pinnedSha256()).isEqualTo("ab".repeat(32));
            assertThat(repo.findByName("lab-mps").orElseThrow().trust()).isEqualTo(RemoteSource.Trust.PINNED);

            assertThat(repo.delete(saved.id())).isTrue();
            assertThat(repo.findAll()).isEmpty();
        }
    }

    @Test
    void aNameWithASlashIsRefusedAsDevicesAreNamedSourceSlashDevice() {
        assertThatThrownBy(() -> new RemoteSource(null, "a/b", URI.create("https://x"), "u", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/'");
        assertThatThrownBy(() -> new RemoteSource(null, "a", URI.create("ftp://x"), "u", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
    }

    @Test
    void aMasterPasswordChangeSealsSourcePasswordsAnew() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.sources().insert(source(store.sources(), "lab-mps"));
            store.changeMasterPassword(null, "first-master".toCharArray());
            assertThat(store.sources().findByName("lab-mps").orElseThrow().password().reveal()).isEqualTo(PASSWORD);
        }
        try (DeviceStore store = DeviceStore.open(folder, "first-master"::toCharArray)) {
            assertThat(store.sources().findByName("lab-mps").orElseThrow().password().reveal()).isEqualTo(PASSWORD);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
