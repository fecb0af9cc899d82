package dev.outband.app.amt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Legacy TLS against a device that speaks only TLS 1.0: each case in a fresh JVM, as the opt-in is JVM-wide. */
@Timeout(120)
class LegacyTlsTest {
    @Test
    void withoutTheOptInAnOldDeviceIsRefusedOnBothPaths() throws Exception {
        List<String> lines = probe("default");

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("wsman failed:")
                .contains("TLS handshake with the device failed").endsWith("need legacy TLS, which is off"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("kvm failed:")
                .contains("TLS handshake with the device failed").endsWith("need legacy TLS, which is off"));
    }

    @Test
    void withTheOptInWsmanAndKvmReachAnOldDevice() throws Exception {
        List<String> lines = probe("allow");

        assertThat(lines).contains("kvm ok Intel(r) AMT KVM");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("wsman ok 11.8"));
    }

    private static List<String> probe(String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LegacyTlsProbe.class.getName(), mode).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
