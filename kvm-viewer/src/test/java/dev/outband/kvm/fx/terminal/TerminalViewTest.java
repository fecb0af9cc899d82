package dev.outband.kvm.fx.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.terminal.Terminal;
import dev.outband.kvm.terminal.TerminalSettings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keys in the terminal view become what a VT220 sends (the sequences terminfo's vt220 entry lists, as
 * TerminfoScreenTest checks for the encoder): arrows, application cursor keys once the host asks (DECCKM, xterm
 * ctlseqs), Ctrl combinations as C0 controls (Ctrl-C 0x03, Ctrl-] 0x1D), typed text as UTF-8.
 */
@Timeout(30)
class TerminalViewTest {
    private static final ByteArrayOutputStream SENT = new ByteArrayOutputStream();
    private static Terminal terminal;
    private static TerminalView view;

    @BeforeAll
    static void show() throws Exception {
        terminal = new Terminal(TerminalSettings.defaults());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            view = new TerminalView(terminal, SENT::writeBytes);
            stage.setScene(new Scene(view));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.setupFixture(() -> view.dispose());
    }

    @BeforeEach
    void clear() {
        SENT.reset();
    }

    private static String sent(KeyEvent... events) throws Exception {
        FxToolkit.setupFixture(() -> {
            for (KeyEvent e : events) {
                Event.fireEvent(view, e);
            }
        });
        return HexFormat.of().formatHex(SENT.toByteArray());
    }

    private static KeyEvent pressed(KeyCode code, boolean shift, boolean control) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, shift, control, false, false);
    }

    private static KeyEvent typed(String text) {
        return new KeyEvent(KeyEvent.KEY_TYPED, text, "", KeyCode.UNDEFINED, false, false, false, false);
    }

    @Test
    void arrowsAndFunctionKeysGoOutAsVt220Sequences() throws Exception {
        assertThat(sent(pressed(KeyCode.UP, false, false), pressed(KeyCode.F1, false, false),
                pressed(KeyCode.F12, false, false), pressed(KeyCode.DELETE, false, false)))
                .isEqualTo(hex("\u001b[A\u001bOP\u001b[24~\u001b[3~"));
    }

    @Test
    void afterDecckmTheArrowsAreApplicationCursorKeys() throws Exception {
        terminal.feed("\u001b[?1h".getBytes(StandardCharsets.US_ASCII));
        try {
            assertThat(sent(pressed(KeyCode.DOWN, false, false))).isEqualTo(hex("\u001bOB"));
        } finally {
            terminal.feed("\u001b[?1l".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void ctrlCombinationsAreControlCharactersAndTheirTypedEchoIsNotSentTwice() throws Exception {
        KeyEvent ctrlCTyped = new KeyEvent(KeyEvent.KEY_TYPED, "\u0003", "", KeyCode.UNDEFINED, false, true, false,
                false);
        assertThat(sent(pressed(KeyCode.C, false, true), ctrlCTyped, pressed(KeyCode.CLOSE_BRACKET, false, true)))
                .isEqualTo("031d");
    }

    @Test
    void typedTextIsUtf8AndEnterIsCarriageReturn() throws Exception {
        assertThat(sent(typed("é"), typed("x"), pressed(KeyCode.ENTER, false, false), typed("\r")))
                .isEqualTo("c3a9780d");
    }

    @Test
    void shiftPageUpScrollsBackInsteadOfSending() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            lines.append("line ").append(i).append("\r\n");
        }
        terminal.feed(lines.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(sent(pressed(KeyCode.PAGE_UP, true, false))).isEmpty();
        assertThat(view.scrolledBack()).isEqualTo(terminal.rows() - 1);
        assertThat(sent(typed("a"))).isEqualTo("61");
        assertThat(view.scrolledBack()).as("typing returns to the live screen").isZero();
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }
}
