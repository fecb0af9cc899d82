package dev.outband.app.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A second process for tests: opens the store in args[0] as "the console" (or as args[1]), says "open", holds it until stdin closes. */
public final class StoreHolder {
    private StoreHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DeviceStore store = DeviceStore.open(Path.of(args[0]), () -> null,
                args.length > 1 ? args[1] : DeviceStore.CONSOLE)) {
            System.out.println("open " + store.devices().count());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
