package dev.outband.kvm.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Behaviour the VT100 User Guide (EK-VT100-UG, chapter 3) and xterm's ctlseqs document, written as the byte
 * streams vttest sends for them: the last-column flag, DECALN, origin mode within DECSTBM, cursor movement
 * stopping at the margins, DECSC/DECRC with the character set, DSR's cursor report, and history.
 */
class Vt100BehaviourTest {
    private static final String ESC = "\u001b";

    private static Terminal terminal(int cols, int rows, String stream) {
        Terminal t = new Terminal(TerminalSettings.defaults().withSize(cols, rows));
        t.feed(stream.getBytes(StandardCharsets.UTF_8));
        return t;
    }

    @Test
    void aCharacterInTheLastColumnWrapsOnlyWhenTheNextOneComes() {
        Terminal t = terminal(10, 3, "0123456789");
        assertThat(t.cursorRow()).isZero();
        assertThat(t.cursorColumn()).isEqualTo(9);
        t.feed("\rab".getBytes(StandardCharsets.US_ASCII));
        assertThat(t.text()).startsWith("ab23456789\n" + " ".repeat(10));
        t.feed((ESC + "[1;10HXY").getBytes(StandardCharsets.US_ASCII));
        assertThat(t.text()).startsWith("ab2345678X\nY    ");
    }

    @Test
    void withAutowrapOffTheLastColumnIsOverwritten() {
        Terminal t = terminal(5, 2, ESC + "[?7l" + "abcdefg");
        assertThat(t.text()).isEqualTo("abcdg\n     \n");
    }

    @Test
    void decalnFillsTheScreenWithE() {
        Terminal t = terminal(4, 3, "xy" + ESC + "#8");
        assertThat(t.text()).isEqualTo("EEEE\nEEEE\nEEEE\n");
        assertThat(t.cursorRow()).isZero();
    }

    @Test
    void originModeAddressesRowsFromTheTopMarginAndCannotLeaveTheRegion() {
        Terminal t = terminal(6, 6, ESC + "[2;4r" + ESC + "[?6h" + ESC + "[1;1HA" + ESC + "[9;1HB");
        assertThat(t.text().lines().toList()).containsExactly("      ", "A     ", "      ", "B     ", "      ",
                "      ");
    }

    @Test
    void cursorUpAndDownStopAtTheMarginsInsideTheRegion() {
        Terminal t = terminal(4, 6, ESC + "[2;5r" + ESC + "[3;1H" + ESC + "[10A");
        assertThat(t.cursorRow()).isEqualTo(1);
        t.feed((ESC + "[20B").getBytes(StandardCharsets.US_ASCII));
        assertThat(t.cursorRow()).isEqualTo(4);
        t.feed((ESC + "[6;1H" + ESC + "[20B").getBytes(StandardCharsets.US_ASCII));
        assertThat(t.cursorRow()).as("below the region the screen's edge is the limit").isEqualTo(5);
    }

    @Test
    void decscAndDecrcRestoreThePositionTheRenditionAndTheCharacterSet() {
        Terminal t = terminal(8, 2, ESC + "[2;3H" + ESC + "[1;31m" + ESC + "(0" + ESC + "7" + ESC + "[0m" + ESC + "(B"
                + ESC + "[1;1Hq" + ESC + "8q");
        TerminalSnapshot s = t.snapshot(0);
        assertThat(s.line(0)).startsWith("q");
        assertThat(s.line(1)).isEqualTo("  ─     ");
        assertThat(Attr.foreground(s.attrs()[1][2])).isEqualTo(1);
        assertThat(Attr.has(s.attrs()[1][2], Attr.BOLD)).isTrue();
    }

    @Test
    void theCursorPositionReportIsOneBased() {
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        Terminal t = new Terminal(TerminalSettings.defaults(), replies::writeBytes);
        t.feed((ESC + "[5;12H" + ESC + "[6n" + ESC + "[5n" + ESC + "[c").getBytes(StandardCharsets.US_ASCII));
        assertThat(replies.toString(StandardCharsets.US_ASCII)).isEqualTo(ESC + "[5;12R" + ESC + "[0n" + ESC + "[?62;6c");
    }

    @Test
    void linesScrolledOffTheTopAreKeptAsHistoryUpToTheLimit() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            s.append("line").append(i).append("\r\n");
        }
        Terminal t = terminal(80, 25, s.toString());
        assertThat(t.scrollbackSize()).isEqualTo(6);
        assertThat(t.snapshot(6).line(0).strip()).isEqualTo("line0");
        assertThat(t.snapshot(6).cursorRow()).as("the cursor's row is below the view").isEqualTo(-1);
        assertThat(t.snapshot(0).line(0).strip()).isEqualTo("line6");

        Terminal small = new Terminal(new TerminalSettings(10, 2, 3, 16, 9_999, 64));
        small.feed(s.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(small.scrollbackSize()).isEqualTo(3);
    }

    @Test
    void resizingTo80By24KeepsTheCursorLineOnScreen() {
        Terminal t = terminal(80, 25, ESC + "[25;1Hbottom");
        t.resize(80, 24);
        assertThat(t.rows()).isEqualTo(24);
        assertThat(t.snapshot(0).line(23).strip()).isEqualTo("bottom");
        assertThat(t.cursorRow()).isEqualTo(23);
    }

    @Test
    void anOscTitleIsReadAndALongOneIsCut() {
        Terminal t = terminal(10, 2, ESC + "]0;BIOS setup\u0007ok");
        assertThat(t.snapshot(0).title()).isEqualTo("BIOS setup");
        assertThat(t.text()).startsWith("ok");
        Terminal longTitle = terminal(10, 2, ESC + "]2;" + "x".repeat(10_000) + ESC + "\\z");
        assertThat(longTitle.snapshot(0).title()).hasSize(TerminalSettings.defaults().maxStringLength() - "2;".length());
        assertThat(longTitle.text()).startsWith("z");
    }
}
