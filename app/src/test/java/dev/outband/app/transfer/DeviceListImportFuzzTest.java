package dev.outband.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: any file content (decoded as import reads it, UTF-8) parses to devices and
 * rejections with the lines they start on, or to a {@link TransferException} whose message says what
 * is wrong; no other exception. Seeds: CSV lists in the README's format (RFC 4180 quoting) and a
 * MeshCommander computer list: {@code DeviceListImportFuzzTestInputs/<target>/}.
 */
class DeviceListImportFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyCsvFileImportsRowsOrSaysWhatIsWrong(byte[] file) {
        importOrExplain(file, CsvDeviceList::parse);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyMeshCommanderFileImportsComputersOrSaysWhatIsWrong(byte[] file) {
        importOrExplain(file, MeshCommanderDeviceList::parse);
    }

    @FunctionalInterface
    private interface Format {
        ParsedList parse(String text) throws TransferException;
    }

    private static void importOrExplain(byte[] file, Format format) {
        String text = new String(file, StandardCharsets.UTF_8);
        try {
            check(format.parse(text), text);
        } catch (TransferException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }

    /** Every entry and rejection names a line of the file, so the technician can find it. */
    private static void check(ParsedList list, String text) {
        long lines = text.lines().count() + 1;
        list.entries().forEach(e -> assertThat(e.line()).isBetween(1, (int) lines));
        list.rejected().forEach(r -> {
            assertThat(r.line()).isBetween(1, (int) lines);
            assertThat(r.reason()).isNotBlank();
        });
    }
}
