package dev.outband.cira.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class RemoteWindowTest {
    @Test
    void consumeTakesAtMostTheCreditAvailable() throws Exception {
        RemoteWindow window = new RemoteWindow(100);

        assertThat(window.consume(1000, 0)).isEqualTo(100);
        assertThat(window.available()).isZero();
    }

    @Test
    void aWriterWithoutCreditWaitsForAWindowAdjust() throws Exception {
        RemoteWindow window = new RemoteWindow(0);
        CompletableFuture<Integer> granted = CompletableFuture.supplyAsync(() -> {
            try {
                return window.consume(500, 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(granted).isNotDone();

        window.expand(300);

        assertThat(granted.get(2, TimeUnit.SECONDS)).isEqualTo(300);
    }

    @Test
    void waitingForCreditGivesUpAtTheTimeout() {
        RemoteWindow window = new RemoteWindow(0);

        assertThatThrownBy(() -> window.consume(1, 50)).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void closingWakesAWaitingWriterWithAnError() throws Exception {
        RemoteWindow window = new RemoteWindow(0);
        CompletableFuture<Integer> granted = CompletableFuture.supplyAsync(() -> {
            try {
                return window.consume(1, 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);

        window.close();

        assertThatThrownBy(() -> granted.get(2, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void creditNeverExceedsAnUnsigned32BitValue() {
        RemoteWindow window = new RemoteWindow(0xFFFFFFF0L);

        window.expand(0xFFFFFFFFL);

        assertThat(window.available()).isEqualTo(0xFFFFFFFFL);
    }
}
