package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreInUseTest {
    @TempDir
    Path folder;

    @Test
    void aStoreHeldByACommandInAnotherProcessIsWaitedForThenRefusedNamingItsPidAndOpensOnceItIsClosed() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.devices().save(Device.of("pc-01", "10.0.0.1"));
        }
        try (ChildProcess command = ChildProcess.start(StoreHolder.class, folder.toString(), "outband devices import")) {
            assertThat(command.nextLine(60)).isEqualTo("open 1");
            long started = System.nanoTime();

            assertThatThrownBy(() -> DeviceStore.open(folder, () -> null))
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessageStartingWith("The device store is open in outband devices import (pid " + command.pid()
                            + "); close it");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(DeviceStore.IN_USE_WAIT.toNanos());

            assertThat(command.finish()).isZero();
        }
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            assertThat(store.devices().count()).isEqualTo(1);
        }
    }

    @Test
    void aStoreHeldByTheConsoleIsRefusedAtOnceSayingToUseItsWindowAndOpensOnceItIsClosed() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.devices().save(Device.of("pc-01", "10.0.0.1"));
        }
        try (ChildProcess console = ChildProcess.start(StoreHolder.class, folder.toString())) {
            assertThat(console.nextLine(60)).isEqualTo("open 1");
            long started = System.nanoTime();

            assertThatThrownBy(() -> DeviceStore.open(folder, () -> null))
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessageStartingWith("The device store is open in the console (pid " + console.pid() + "). "
                            + "A command that changes the store cannot run beside the console")
                    .hasMessageContaining("use the console's window for this, or close the console and run the command again");
            assertThat(System.nanoTime() - started).isLessThan(DeviceStore.IN_USE_WAIT.toNanos());

            assertThat(console.finish()).isZero();
        }
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            assertThat(store.devices().count()).isEqualTo(1);
        }
    }

    @Test
    void aStoreLeftByAKilledProcessOpensAtOnce() throws Exception {
        try (ChildProcess console = ChildProcess.start(StoreHolder.class, folder.toString())) {
            assertThat(console.nextLine(60)).isEqualTo("open 0");
            console.kill();
        }
        long started = System.nanoTime();
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            assertThat(store.devices().count()).isZero();
        }
        assertThat(System.nanoTime() - started).isLessThan(DeviceStore.IN_USE_WAIT.toNanos());
    }
}
