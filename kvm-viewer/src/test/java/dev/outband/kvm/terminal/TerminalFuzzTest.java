package dev.outband.kvm.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: whatever bytes a serial console sends, the terminal keeps its size, its cursor on the screen
 * and its history within the limit, in two halves as the network splits them, and after a resize.
 */
class TerminalFuzzTest {
    private static final TerminalSettings SMALL = new TerminalSettings(20, 6, 10, 16, 9_999, 64);

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyByteStreamLeavesAWellFormedScreen(byte[] stream) {
        Terminal t = new Terminal(SMALL);
        int half = stream.length / 2;
        t.feed(stream, 0, half);
        check(t, 20, 6);
        t.resize(12, 4);
        t.feed(stream, half, stream.length - half);
        check(t, 12, 4);
    }

    private static void check(Terminal t, int cols, int rows) {
        assertThat(t.cursorRow()).isBetween(0, rows - 1);
        assertThat(t.cursorColumn()).isBetween(0, cols - 1);
        assertThat(t.scrollbackSize()).isLessThanOrEqualTo(SMALL.scrollbackLines());
        TerminalSnapshot s = t.snapshot(Integer.MAX_VALUE);
        assertThat(s.chars()).hasNumberOfRows(rows);
        for (int[] row : s.chars()) {
            assertThat(row).hasSize(cols);
        }
        assertThat(s.title().length()).isLessThanOrEqualTo(SMALL.maxStringLength());
    }
}
