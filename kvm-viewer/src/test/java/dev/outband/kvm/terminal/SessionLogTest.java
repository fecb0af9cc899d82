package dev.outband.kvm.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLogTest {
    @TempDir
    Path dir;

    @Test
    void aNewLogIsOwnerOnlyAndAnExistingOneIsNarrowedAndAppendedTo() throws Exception {
        Path fresh = dir.resolve("fresh.log");
        try (SessionLog log = SessionLog.open(fresh)) {
            log.write("login: ".getBytes(StandardCharsets.US_ASCII), 0, 7);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");

        Path shared = Files.writeString(dir.resolve("shared.log"), "before\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        try (SessionLog log = SessionLog.open(shared)) {
            log.write("after".getBytes(StandardCharsets.US_ASCII), 0, 5);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-------");
        assertThat(Files.readString(shared)).isEqualTo("before\nafter");
    }
}
