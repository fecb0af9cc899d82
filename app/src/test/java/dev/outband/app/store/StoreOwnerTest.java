package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whether the process before this one closed the store, which decides whether its file is scanned on open. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreOwnerTest {
    @TempDir
    Path folder;

    @Test
    void aStoreClosedByItsProcessIsTakenOverCleanAndOneLeftByAKilledProcessIsNot() throws Exception {
        try (StoreOwner first = StoreOwner.claim(folder, "a command").orElseThrow()) {
            assertThat(first.inheritsUncleanShutdown()).as("a new store").isFalse();
        }
        try (StoreOwner afterUnmarked = StoreOwner.claim(folder, "a command").orElseThrow()) {
            assertThat(afterUnmarked.inheritsUncleanShutdown()).as("after a release without the closed mark").isTrue();
        }

        try (ChildProcess console = ChildProcess.start(StoreHolder.class, folder.toString())) {
            assertThat(console.nextLine(60)).isEqualTo("open 0");
            assertThat(console.finish()).isZero();
        }
        try (StoreOwner afterClose = StoreOwner.claim(folder, "a command").orElseThrow()) {
            assertThat(afterClose.inheritsUncleanShutdown()).as("after the console closed the store").isFalse();
            afterClose.markClosed();
        }

        try (ChildProcess console = ChildProcess.start(StoreHolder.class, folder.toString())) {
            assertThat(console.nextLine(60)).isEqualTo("open 0");
            console.kill();
        }
        try (StoreOwner afterKill = StoreOwner.claim(folder, "a command").orElseThrow()) {
            assertThat(afterKill.inheritsUncleanShutdown()).as("after the console was killed").isTrue();
        }
    }
}
