package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.cira.CiraDeviceCredentials;
import dev.outband.app.store.DeviceStore;
import dev.outband.cira.apf.DeviceUuid;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CiraCredentialsCliTest {
    private static final String UUID = "4c4c4544-0035-5910-8030-c4c04f4a4432";

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliContext ctx = new CliContext(Map.of("OUTBAND_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err));
        return Cli.run(args, ctx);
    }

    @Test
    void generatedCredentialsAreSealedInTheStoreAndWrittenOnceToAnOwnerOnlyFile() throws Exception {
        Path file = home.resolve("device.csv");

        assertThat(run("cira", "credentials", UUID, "--out", file.toString())).isZero();

        String line = Files.readString(file).strip();
        String[] fields = line.split(",", 3);
        assertThat(fields[0]).isEqualTo(UUID);
        assertThat(fields[1]).isEqualTo("cira-4c4c4544");
        assertThat(fields[2]).matches("[A-Za-z0-9_-]{24}");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString()).contains("cira-4c4c4544").doesNotContain(fields[2]);
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            assertThat(new CiraDeviceCredentials(store.secrets()).all().get(DeviceUuid.parse(UUID)).matches(
                    fields[1], fields[2].getBytes())).isTrue();
        }
        assertThat(run("cira", "credentials", UUID, "--out", file.toString())).as("never overwrites").isNotZero();
    }
}
