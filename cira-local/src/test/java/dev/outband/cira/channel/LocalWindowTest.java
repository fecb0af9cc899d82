package dev.outband.cira.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.cira.apf.ApfProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class LocalWindowTest {
    @Test
    void creditIsGrantedBackOnlyOnceHalfTheWindowHasBeenRead() throws Exception {
        LocalWindow window = new LocalWindow(4096);
        window.consume(4096);

        assertThat(window.expand(1000)).isZero();
        assertThat(window.expand(1048)).isEqualTo(2048);
        assertThat(window.remaining()).isEqualTo(2048);
    }

    @Test
    void aPeerSendingPastTheWindowIsAProtocolError() throws Exception {
        LocalWindow window = new LocalWindow(4096);
        window.consume(4000);

        assertThatThrownBy(() -> window.consume(97)).isInstanceOf(ApfProtocolException.class);
    }
}
