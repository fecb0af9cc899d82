package dev.outband.app.instance;

import java.nio.file.Path;

/** A child JVM that claims a data folder as the console would and prints "shown" when asked to show its window. */
public final class ConsoleStandIn {
    private ConsoleStandIn() {
    }

    public static void main(String[] args) throws Exception {
        try (ConsoleInstance instance = ConsoleInstance.claim(Path.of(args[0]), InstanceSettings.defaults()).orElseThrow()) {
            instance.serve(() -> System.out.println("shown"));
            System.out.println("serving");
            // Ends when the parent closes stdin.
            System.in.read();
        }
    }
}
