package dev.outband.kvm.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.session.Keystrokes;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class KeySymsTest {

    @Test
    void nonTextKeysMapToTheirX11Keysyms() {
        assertThat(KeySyms.special(KeyCode.F1)).isEqualTo(0xFFBE);
        assertThat(KeySyms.special(KeyCode.F12)).isEqualTo(0xFFC9);
        assertThat(KeySyms.special(KeyCode.CONTROL)).isEqualTo(0xFFE3);
        assertThat(KeySyms.special(KeyCode.ALT)).isEqualTo(0xFFE9);
        assertThat(KeySyms.special(KeyCode.DELETE)).isEqualTo(0xFFFF);
        assertThat(KeySyms.special(KeyCode.PAGE_DOWN)).isEqualTo(0xFF56);
        assertThat(KeySyms.special(KeyCode.NUMPAD7)).isEqualTo(0xFFB7);
        assertThat(KeySyms.special(KeyCode.ENTER)).isEqualTo(0xFF0D);
    }

    @Test
    void textKeysWaitForTheTypedCharacterSoNonUsLayoutsWork() {
        assertThat(KeySyms.special(KeyCode.A)).isEqualTo(-1);
        assertThat(KeySyms.special(KeyCode.DIGIT1)).isEqualTo(-1);
        assertThat(Keystrokes.keysymOf('é')).as("Latin-1 maps to itself").isEqualTo(0xE9);
        assertThat(Keystrokes.keysymOf('@')).isEqualTo('@');
        assertThat(Keystrokes.keysymOf('€')).as("other Unicode uses the 0x01000000 plane").isEqualTo(0x010020AC);
    }

    @Test
    void shortcutsWithControlSendTheKeysOwnLowerCaseLetter() {
        assertThat(KeySyms.shortcutKey(KeyCode.C)).isEqualTo('c');
        assertThat(KeySyms.shortcutKey(KeyCode.DIGIT5)).isEqualTo('5');
        assertThat(KeySyms.shortcutKey(KeyCode.F5)).isEqualTo(-1);
    }
}
