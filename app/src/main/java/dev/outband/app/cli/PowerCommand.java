package dev.outband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.wsman.amt.power.PowerAction;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code outband power <action> <device…>}: one power action on several devices at once. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Run a power action on devices in parallel and report each result.")
final class PowerCommand implements Callable<Integer> {
    @ParentCommand
    OutbandCommand root;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "on, off, reset, cycle, sleep, hibernate, soft-off, soft-reset, on-to-bios, reset-to-bios,"
                    + " pxe-on, pxe-reset, diagnostic-on, diagnostic-reset, or a DMT action number")
    String action;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DEVICE",
            description = "Device names; a remote source's device as SOURCE/DEVICE or its GUID.")
    List<String> names;

    @Option(names = "--json", description = "Machine-readable JSON array of results.")
    boolean json;

    static PowerAction parse(String text) throws UserException {
        String key = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (PowerAction a : PowerAction.values()) {
            if (a.name().equals(key) || String.valueOf(a.number()).equals(text)) {
                return a;
            }
        }
        throw new UserException("Unknown power action '" + text + "': use one of " + Arrays.stream(PowerAction.values())
                .map(a -> a.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
    }

    @Override
    public Integer call() throws Exception {
        CliContext ctx = root.context();
        PowerAction chosen = parse(action);
        StoreVisits store = new StoreVisits(ctx);
        Instant now = Instant.now();
        Map<Long, Optional<Instant>> claimed = new HashMap<>();
        DeviceLookup.Found found = DeviceLookup.find(ctx, store, names);
        List<Device> devices = found.devices();
        store.visit(s -> {
            // Cooldowns are claimed now, while the store is open, not from inside the network work; a remote
            // source's device has no row to claim in.
            for (Device d : devices) {
                if (d.id() != null) {
                    claimed.put(d.id(), s.devices().claimPowerAction(d.id(), now, PowerRun.COOLDOWN));
                }
            }
            return null;
        });
        PendingStates learned = new PendingStates();
        List<PowerRun.Result> results;
        try {
            results = new PowerRun(ctx.connections().serving(found.remote()), (id, at, cooldown) -> claimed.get(id), learned,
                    Clock.systemUTC()).perform(chosen, devices, r -> { });
        } finally {
            learned.save(store, ctx);
        }
        if (json) {
            ctx.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        } else {
            for (PowerRun.Result r : results) {
                ctx.out().printf("%-24s %s%n", r.device(), switch (r.outcome()) {
                    case DONE -> "ok: " + chosen.name().toLowerCase(Locale.ROOT) + ", now " + r.powerState();
                    case SKIPPED -> "skipped: " + r.message();
                    case FAILED -> "FAILED: " + r.message();
                });
            }
        }
        // a skipped device (cooldown, already there) is not an error
        return DeviceJobs.exitCode(results.stream().filter(r -> r.outcome() == PowerRun.Outcome.FAILED).count(),
                results.size());
    }
}
