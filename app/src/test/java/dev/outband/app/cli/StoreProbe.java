package dev.outband.app.cli;

import dev.outband.app.store.DeviceStore;
import java.nio.file.Path;

/** Run in a second JVM: opens the store in the given folder as the console would, says whether it could. */
public final class StoreProbe {
    private StoreProbe() {}

    public static void main(String[] args) {
        try (DeviceStore store = DeviceStore.open(Path.of(args[0]), () -> null)) {
            System.out.println("opened, " + store.devices().count() + " devices");
        } catch (Exception e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(1);
        }
    }
}
