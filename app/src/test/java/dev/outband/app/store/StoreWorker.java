package dev.outband.app.store;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.transfer.DeviceTransfer;
import dev.outband.app.transfer.TransferFormat;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.power.PowerAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The other side of {@link DurabilityTest}: works on the store in args[0] until it is killed, appending
 * "N" to {@code progress.log} next to the store after each unit of work the store has committed (a file,
 * because what a process wrote to a file survives kill -9, while its unread pipe output may not).
 * <ul>
 * <li>{@code import}: imports batch N, a CSV list of {@link #BATCH} devices named {@code bN-j}, in one go;</li>
 * <li>{@code edit}: sets device "edited"'s tags to {@code vN};</li>
 * <li>{@code rekey}: sets the master password to "master-N" (from "master-(N-1)", none before 1);</li>
 * <li>{@code power}: power run N (off when N is odd, else on) on device "sim", a virtual AMT device on
 * loopback, at {@link #powerTime}(N), so that the cooldown never holds it up;</li>
 * <li>{@code open}: prints "opening", opens the store (converting an older store) and prints "open".</li>
 * </ul>
 */
public final class StoreWorker {
    static final int BATCH = 20;

    private StoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String mode = args[1];
        Path progress = folder.resolveSibling("progress.log");
        if (mode.equals("open")) {
            say("opening");
            try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
                say("open " + store.devices().count());
            }
            return;
        }
        int first = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        char[] master = first > 1 ? ("master-" + (first - 1)).toCharArray() : null;
        VirtualDevice sim = new VirtualDevice(DeviceConfig.of("sim", "admin", "Sim-Passw0rd"));
        try (DeviceStore store = DeviceStore.open(folder, () -> master);
             DevicePorts ports = DevicePorts.open(sim, 0, 0, null)) {
            DeviceConnections connections = new DeviceConnections(d -> ports.httpPort());
            say("ready");
            for (int n = first; ; n++) {
                switch (mode) {
                    case "import" -> {
                        StringBuilder csv = new StringBuilder("name,host,user,password\n");
                        for (int j = 0; j < BATCH; j++) {
                            csv.append("b").append(n).append('-').append(j).append(",10.1.").append(n % 250).append('.')
                                    .append(j + 1).append(",admin,Pw#").append(n).append('-').append(j).append('\n');
                        }
                        Path file = Files.writeString(folder.resolveSibling("batch.csv"), csv);
                        new DeviceTransfer(store.devices()).importFile(file, TransferFormat.CSV);
                    }
                    case "edit" -> {
                        Device d = store.devices().findByName("edited").orElseThrow();
                        store.devices().update(d.withTags(List.of("v" + n)));
                    }
                    case "rekey" -> store.changeMasterPassword(n == 1 ? null : ("master-" + (n - 1)).toCharArray(),
                            ("master-" + n).toCharArray());
                    case "power" -> {
                        Device d = store.devices().findByName("sim").orElseThrow();
                        PowerRun run = new PowerRun(connections, store.devices(), Clock.fixed(powerTime(n), ZoneOffset.UTC));
                        if (!run.perform(n % 2 == 1 ? PowerAction.OFF : PowerAction.ON, List.of(d), r -> { }).getFirst().ok()) {
                            throw new IllegalStateException("power run " + n + " failed");
                        }
                    }
                    default -> throw new IllegalArgumentException(mode);
                }
                Files.writeString(progress, n + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    /** When power run N happens: a cooldown and a second apart from the run before. */
    static Instant powerTime(int n) {
        return Instant.parse("2026-01-01T00:00:00Z").plus(PowerRun.COOLDOWN.plusSeconds(1).multipliedBy(n));
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
