package dev.outband.app.cli;

import dev.outband.app.lab.JobResult;
import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.lab.CallHome;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code outband cira setup|remove DEVICE…}: devices told to call this laptop's listener, each with its
 * own generated CIRA account. The CLI runs no listener, so it does not wait for the call: the console's
 * Lab listener accepts these devices.
 */
final class CiraSetupCommands {
    private CiraSetupCommands() {
    }

    private interface Job {
        List<JobResult> run(CallHome callHome, List<Device> devices, CallHome.Options options)
                throws InterruptedException;
    }

    private static int run(CliContext ctx, List<String> names, CallHome.Options options, Job job) throws Exception {
        try (DeviceStore store = ctx.openStore()) {
            List<Device> devices = DeviceJobs.named(store.devices(), names);
            CallHome callHome = new CallHome(ctx.connections(),
                    new LabAuthority(store.folder(), store.secrets(), Clock.systemUTC()),
                    new CiraAccounts(store.secrets()), null, Clock.systemUTC());
            List<JobResult> results = job.run(callHome, devices, options);
            return DeviceJobs.report(ctx, results);
        }
    }

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "Tell devices to call this laptop over CIRA: lab root trusted, this laptop as MPS with a "
                    + "per-device account, call-home rules, user-initiated connections on.")
    static final class Setup implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..*", paramLabel = "DEVICE", description = "Device names.")
        List<String> names;

        @Option(names = "--address", required = true,
                description = "This laptop's address or name as the devices reach it (must be in the listener's certificate).")
        String address;

        @Option(names = "--port", defaultValue = "4433", description = "The listener's port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--intranet-domain", paramLabel = "DOMAIN",
                description = "Call only when the device's DNS suffix is none of these (default: always call).")
        List<String> intranetDomains = new ArrayList<>();

        @Option(names = "--periodic-minutes", defaultValue = "60", description = "Also call every N minutes (default: ${DEFAULT-VALUE}).")
        int periodicMinutes;

        Setup(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (periodicMinutes < 1) {
                throw new UserException("--periodic-minutes must be at least 1");
            }
            CallHome.Options options = CallHome.Options.to(address, port).withIntranetDomains(intranetDomains)
                    .withPeriodic(Duration.ofMinutes(periodicMinutes));
            return run(ctx, names, options, (callHome, devices, o) -> callHome.setUp(devices, o, r -> { }));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Undo setup: the devices stop calling this laptop and their CIRA accounts are deleted.")
    static final class Remove implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..*", paramLabel = "DEVICE", description = "Device names.")
        List<String> names;

        @Option(names = "--address", required = true, description = "The address the devices were told to call.")
        String address;

        @Option(names = "--port", defaultValue = "4433", description = "The port they were told (default: ${DEFAULT-VALUE}).")
        int port;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return run(ctx, names, CallHome.Options.to(address, port),
                    (callHome, devices, o) -> callHome.remove(devices, o, r -> { }));
        }
    }
}
