package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.cira.CiraAccounts;
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
    void theDevicesOwnAccountFitsAmtIsSealedInTheStoreAndWrittenOnceToAnOwnerOnlyFile() throws Exception {
        Path file = home.resolve("device.csv");

        assertThat(run("cira", "credentials", UUID, "--out", file.toString())).isZero();

        String line = Files.readString(file).strip();
        String[] fields = line.split(",", 3);
        assertThat(fields[0]).isEqualTo(UUID);
        // AMT's AddMpServer takes a user of at most 16 letters and digits and a password of at most 16 characters.
        assertThat(fields[1]).matches("[A-Za-z0-9]{1,16}");
        assertThat(fields[2]).hasSizeBetween(1, 16);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString()).contains(fields[1]).doesNotContain(fields[2]);
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            CiraAccounts.Account sealed = new CiraAccounts(store.secrets()).find(DeviceUuid.parse(UUID)).orElseThrow();
            assertThat(sealed.user()).isEqualTo(fields[1]);
            assertThat(sealed.password()).isEqualTo(fields[2]);
        }
        assertThat(run("cira", "credentials", UUID, "--out", file.toString())).as("never overwrites").isNotZero();
    }
}
