package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreEncryptionTest {
    @TempDir
    Path folder;

    @Test
    void aClearStoreOfAnOlderVersionIsEncryptedOnItsFirstOpenAndKeepsEverything() throws Exception {
        LegacyStore.withKeyFile(folder).device("pc-01", "pc-01.lab.example", "admin", "Old#Secret1")
                .secretFile("cira-password", "Cira#Pw2");
        assertThat(contains(folder.resolve("outband.mv.db"), "pc-01.lab.example")).as("the fixture is clear").isTrue();

        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            Device d = store.devices().findByName("pc-01").orElseThrow();
            assertThat(d.host()).isEqualTo("pc-01.lab.example");
            assertThat(d.password().reveal()).isEqualTo("Old#Secret1");
            assertThat(store.secrets().load("cira-password").orElseThrow().reveal()).isEqualTo("Cira#Pw2");
        }
        assertThat(header(folder.resolve("outband.mv.db"))).isEqualTo("H2encrypt");
        assertThat(folder.resolve("store.key")).doesNotExist();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                assertThat(contains(f, "pc-01.lab.example")).as(f.toString()).isFalse();
            }
        }
        try (DeviceStore again = DeviceStore.open(folder, () -> null)) {
            assertThat(again.devices().findByName("pc-01").orElseThrow().password().reveal()).isEqualTo("Old#Secret1");
        }
    }

    @Test
    void aMasterPasswordStoreOfAnOlderVersionIsConvertedWithTheSamePassword() throws Exception {
        LegacyStore.withMasterPassword(folder, "old master").device("pc-01", "10.0.0.1", "admin", "Old#Secret1");

        assertThatThrownBy(() -> DeviceStore.open(folder, "wrong"::toCharArray))
                .isInstanceOf(WrongMasterPasswordException.class);
        try (DeviceStore store = DeviceStore.open(folder, "old master"::toCharArray)) {
            assertThat(store.isProtected()).isTrue();
            assertThat(store.devices().findByName("pc-01").orElseThrow().password().reveal()).isEqualTo("Old#Secret1");
        }
        assertThat(folder.resolve("master.salt")).doesNotExist();
        assertThat(folder.resolve("master.check")).doesNotExist();
        assertThatThrownBy(() -> DeviceStore.open(folder, () -> null)).isInstanceOf(WrongMasterPasswordException.class);
        try (DeviceStore store = DeviceStore.open(folder, "old master"::toCharArray)) {
            assertThat(store.devices().findByName("pc-01").orElseThrow().password().reveal()).isEqualTo("Old#Secret1");
        }
    }

    @Test
    void aSealedPasswordCopiedIntoAnotherRowDoesNotOpenThere() throws Exception {
        long alice;
        long bob;
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            alice = store.devices().save(Device.of("alice", "10.0.0.1").withCredentials("admin", store.devices().seal("Alice#1"))).id();
            bob = store.devices().save(Device.of("bob", "10.0.0.2").withCredentials("admin", store.devices().seal("Bob#2"))).id();
        }
        Keyring keyring = Keyring.load(folder, () -> null);
        try (Connection c = StoreDatabase.connect(folder, keyring.current());
             Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT password_enc FROM device WHERE id = " + bob);
            rs.next();
            try (PreparedStatement ps = c.prepareStatement("UPDATE device SET password_enc = ? WHERE id = ?")) {
                ps.setBytes(1, rs.getBytes(1));
                ps.setLong(2, alice);
                ps.executeUpdate();
            }
        }
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            Secret swapped = store.devices().findById(alice).orElseThrow().password();
            assertThatThrownBy(swapped::reveal).hasMessageContaining("cannot be decrypted");
            assertThat(store.devices().findById(bob).orElseThrow().password().reveal()).isEqualTo("Bob#2");
        }
    }

    @Test
    void aMasterPasswordIsSetChangedAndRemovedWithEverythingSealedAnewEachTime() throws Exception {
        byte[] keyBefore;
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.devices().save(Device.of("pc-01", "10.0.0.1").withCredentials("admin", store.devices().seal("Pw#1")));
            store.secrets().save("cira-password", "Cira#2");
            keyBefore = Keyring.load(folder, () -> null).current().getEncoded();

            store.changeMasterPassword(null, "first-master".toCharArray());

            assertThat(store.isProtected()).isTrue();
            assertThat(store.devices().findByName("pc-01").orElseThrow().password().reveal()).isEqualTo("Pw#1");
            store.devices().save(Device.of("pc-02", "10.0.0.2").withCredentials("admin", store.devices().seal("Pw#2")));
        }
        assertThat(DeviceStore.isProtected(folder)).isTrue();
        assertThatThrownBy(() -> DeviceStore.open(folder, () -> null)).isInstanceOf(WrongMasterPasswordException.class);
        // The data key changed: the key that was on disk before opens nothing any more.
        assertThat(StoreDatabase.opensWith(folder, new javax.crypto.spec.SecretKeySpec(keyBefore, "AES"))).isFalse();

        try (DeviceStore store = DeviceStore.open(folder, "first-master"::toCharArray)) {
            assertThatThrownBy(() -> store.changeMasterPassword("not first-master".toCharArray(), "second-master".toCharArray()))
                    .isInstanceOf(WrongMasterPasswordException.class);
            store.changeMasterPassword("first-master".toCharArray(), "second-master".toCharArray());
        }
        assertThatThrownBy(() -> DeviceStore.open(folder, "first-master"::toCharArray)).isInstanceOf(WrongMasterPasswordException.class);
        try (DeviceStore store = DeviceStore.open(folder, "second-master"::toCharArray)) {
            assertThat(store.devices().findAll()).extracting(d -> d.password().reveal()).containsExactly("Pw#1", "Pw#2");
            store.changeMasterPassword("second-master".toCharArray(), null);
        }
        assertThat(DeviceStore.isProtected(folder)).isFalse();
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            assertThat(store.devices().findAll()).extracting(d -> d.password().reveal()).containsExactly("Pw#1", "Pw#2");
            assertThat(store.secrets().load("cira-password").orElseThrow().reveal()).isEqualTo("Cira#2");
        }
    }

    @Test
    void aKeyChangeInterruptedBeforeTheNewFileWasInPlaceIsCompletedOnTheNextOpen() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.devices().save(Device.of("pc-01", "10.0.0.1").withCredentials("admin", store.devices().seal("Pw#1")));
            store.secrets().save("cira-password", "Cira#2");
        }
        // What a crash leaves: the keyring already names the new key (and the old one), the file is still
        // under the old key, and half a copy lies next to it.
        Keyring.load(folder, () -> null).rotated(Keyring.Protection.of("new".toCharArray())).save(folder);
        Files.write(folder.resolve("outband-next.mv.db"), new byte[] {1, 2, 3});
        Files.write(folder.resolve("outband-next.sql"), new byte[] {4, 5, 6});

        try (DeviceStore store = DeviceStore.open(folder, "new"::toCharArray)) {
            assertThat(store.devices().findByName("pc-01").orElseThrow().password().reveal()).isEqualTo("Pw#1");
            assertThat(store.secrets().load("cira-password").orElseThrow().reveal()).isEqualTo("Cira#2");
        }
        assertThat(folder.resolve("outband-next.mv.db")).doesNotExist();
        assertThat(folder.resolve("outband-next.sql")).doesNotExist();
        assertThat(Keyring.load(folder, "new"::toCharArray).previous()).isNull();
    }

    private static String header(Path file) throws Exception {
        return new String(Files.readAllBytes(file), 0, 9, StandardCharsets.US_ASCII);
    }

    private static boolean contains(Path file, String text) throws Exception {
        String all = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE).stream()
                .anyMatch(cs -> all.contains(new String(text.getBytes(cs), StandardCharsets.ISO_8859_1)));
    }
}
