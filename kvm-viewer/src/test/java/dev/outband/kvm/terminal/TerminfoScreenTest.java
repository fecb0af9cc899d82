package dev.outband.kvm.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Byte streams written by ncurses' tput for vt220 and xterm-256color (so the sequences come from the terminfo
 * database); the expected screens follow terminfo(5)'s meaning of each capability (cup: 0-based row and column;
 * csr: scroll region; ind/ri: scroll at the margins; sc/rc; el/ed; smacs with acsc's line drawing; setaf/setab
 * colours).
 */
class TerminfoScreenTest {

    private static Terminal feed(byte[] bytes, int cols, int rows) {
        Terminal t = new Terminal(TerminalSettings.defaults().withSize(cols, rows));
        t.feed(bytes);
        return t;
    }

    private static String row(Terminal t, int y) {
        return t.text().split("\n")[y];
    }

    @Test
    void cupPlacesTextAtTheZeroBasedRowAndColumnTerminfoDefines() throws Exception {
        Terminal t = feed(new Tput("vt220").cap("clear").cap("cup", "5", "10").text("X").cap("cup", "0", "0").text("A")
                .cap("cup", "23", "79").text("Z").bytes(), 80, 24);
        assertThat(row(t, 5)).isEqualTo(" ".repeat(10) + "X" + " ".repeat(69));
        assertThat(row(t, 0)).startsWith("A ");
        assertThat(row(t, 23)).endsWith(" Z");
        assertThat(t.text().replace(" ", "").replace("\n", "")).isEqualTo("AXZ");
    }

    @Test
    void elClearsToTheEndOfTheLineAndEdToTheEndOfTheScreen() throws Exception {
        Tput tput = new Tput("vt220");
        for (int y = 0; y < 4; y++) {
            tput.cap("cup", String.valueOf(y), "0").text("0123456789");
        }
        tput.cap("cup", "1", "4").cap("el").cap("cup", "2", "6").cap("ed");
        Terminal t = feed(tput.bytes(), 20, 4);
        assertThat(t.text()).isEqualTo("0123456789          \n0123                \n012345              \n"
                + " ".repeat(20) + "\n");
    }

    @Test
    void aScrollRegionKeepsTheLinesOutsideItWhenIndScrolls() throws Exception {
        Tput tput = new Tput("vt220").cap("clear");
        for (int y = 0; y < 6; y++) {
            tput.cap("cup", String.valueOf(y), "0").text("line" + y);
        }
        // csr 1 4: rows 1–4 scroll; at the region's last row ind scrolls only them.
        tput.cap("csr", "1", "4").cap("cup", "4", "0").cap("ind").text("new");
        Terminal t = feed(tput.bytes(), 10, 6);
        assertThat(t.text().lines().map(String::strip).toList())
                .containsExactly("line0", "line2", "line3", "line4", "new", "line5");
        assertThat(t.scrollbackSize()).as("a partial region keeps no history").isZero();
    }

    @Test
    void riAtTheTopMarginScrollsTheRegionDown() throws Exception {
        Tput tput = new Tput("vt220").cap("clear");
        for (int y = 0; y < 4; y++) {
            tput.cap("cup", String.valueOf(y), "0").text("r" + y);
        }
        tput.cap("csr", "1", "3").cap("cup", "1", "0").cap("ri").text("top");
        Terminal t = feed(tput.bytes(), 6, 4);
        assertThat(t.text().lines().map(String::strip).toList()).containsExactly("r0", "top", "r1", "r2");
    }

    @Test
    void scAndRcReturnToTheSavedPosition() throws Exception {
        Terminal t = feed(new Tput("vt220").cap("clear").cap("cup", "2", "3").cap("sc").cap("cup", "0", "0")
                .text("top").cap("rc").text("back").bytes(), 10, 4);
        assertThat(row(t, 2)).isEqualTo("   back   ");
        assertThat(t.cursorRow()).isEqualTo(2);
        assertThat(t.cursorColumn()).isEqualTo(7);
    }

    @Test
    void smacsDrawsTheBoxThatAcscNamesAndRmacsEndsIt() throws Exception {
        Terminal t = feed(new Tput("vt220").cap("clear").cap("smacs").text("lqqk").cap("cup", "1", "0").text("x  x")
                .cap("cup", "2", "0").text("mqqj").cap("rmacs").text("q").bytes(), 8, 3);
        assertThat(t.text().lines().map(String::stripTrailing).toList())
                .containsExactly("┌──┐", "│  │", "└──┘q");
    }

    @Test
    void setafAndSetabGiveTheSixteenColoursIncludingBrightOnes() throws Exception {
        Terminal t = feed(new Tput("xterm-256color").cap("clear").cap("setaf", "1").text("r").cap("setaf", "12")
                .text("B").cap("setab", "4").cap("bold").text("W").cap("sgr0").text("n").bytes(), 8, 2);
        TerminalSnapshot s = t.snapshot(0);
        assertThat(Attr.foreground(s.attrs()[0][0])).isEqualTo(1);
        assertThat(Attr.foreground(s.attrs()[0][1])).isEqualTo(12);
        assertThat(Attr.background(s.attrs()[0][2])).isEqualTo(4);
        assertThat(Attr.has(s.attrs()[0][2], Attr.BOLD)).isTrue();
        assertThat(s.attrs()[0][3]).isEqualTo(Attr.PLAIN);
    }

    @Test
    void theKeysAreTheOnesTerminfoListsForTheVt220() throws Exception {
        Tput vt220 = new Tput("vt220");
        KeyEncoder keys = new KeyEncoder(KeyEncoder.FunctionKeys.VT220);
        String[][] pairs = {{"kcuu1", "UP"}, {"kcud1", "DOWN"}, {"kcuf1", "RIGHT"}, {"kcub1", "LEFT"},
            {"kf1", "F1"}, {"kf2", "F2"}, {"kf3", "F3"}, {"kf4", "F4"}, {"kf6", "F6"}, {"kf7", "F7"}, {"kf8", "F8"},
            {"kf9", "F9"}, {"kf10", "F10"}, {"kf11", "F11"}, {"kf12", "F12"}, {"kfnd", "HOME"}, {"kslt", "END"},
            {"kich1", "INSERT"}, {"kdch1", "DELETE"}, {"kpp", "PAGE_UP"}, {"knp", "PAGE_DOWN"}, {"kbs", "BACKSPACE"}};
        for (String[] p : pairs) {
            assertThat(new String(keys.encode(Key.valueOf(p[1]), false), Charset.forName("US-ASCII")))
                    .as(p[0]).isEqualTo(vt220.infocmp(p[0]));
        }
        Tput xterm = new Tput("xterm");
        assertThat(new String(keys.encode(Key.F5, false), Charset.forName("US-ASCII"))).isEqualTo(xterm.infocmp("kf5"));
        // Application cursor keys: what xterm's terminfo lists (it is written for smkx, DECCKM on).
        assertThat(new String(keys.encode(Key.UP, true), Charset.forName("US-ASCII"))).isEqualTo(xterm.infocmp("kcuu1"));
    }

    @Test
    void bytesOutsideUtf8ReadAsCodePage437AsTheJdkMapsIt() {
        byte[] high = new byte[128];
        for (int i = 0; i < 128; i++) {
            high[i] = (byte) (0x80 + i);
        }
        String jdk = new String(high, Charset.forName("IBM437"));
        assertThat(ByteDecoder.CP437_HIGH).isEqualTo(jdk);
        // A BIOS frame: ┌─┐ in CP437 (DA C4 BF); the same bytes in UTF-8 mode are "┌" (DA is cut short) and "Ŀ".
        byte[] frame = {(byte) 0xDA, (byte) 0xC4, (byte) 0xBF, ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};
        Terminal t = feed(frame, 8, 2);
        assertThat(t.text()).startsWith("┌─┐ ├⌐\u00a0".translateEscapes());
        Terminal utf8 = new Terminal(TerminalSettings.defaults().withSize(8, 2));
        utf8.encoding(TextEncoding.UTF8);
        utf8.feed(frame);
        assertThat(Arrays.stream(utf8.snapshot(0).chars()[0]).limit(5).toArray())
                .containsExactly('┌', 'Ŀ', ' ', 'é', '\u00a0');
    }
}
