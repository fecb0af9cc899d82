package dev.outband.app.cli;

import dev.outband.app.lab.JobResult;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.lab.TlsSetup;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outband tls enable|disable DEVICE…}: the devices' own TLS, with certificates from the lab CA. */
final class TlsCommands {
    private TlsCommands() {
    }

    static CommandLine group(CliContext ctx) {
        return CommandGroup.named("tls", "Turn devices' TLS on (certificate from the lab CA) or off.",
                new Enable(ctx), new Disable(ctx));
    }

    private interface Job {
        List<JobResult> run(TlsSetup setup, List<Device> devices) throws InterruptedException;
    }

    private static int run(CliContext ctx, List<String> names, Job job) throws Exception {
        try (DeviceStore store = ctx.openStore()) {
            List<Device> devices = DeviceJobs.named(store.devices(), names);
            TlsSetup setup = new TlsSetup(ctx.connections(), store.devices(),
                    new LabAuthority(store.folder(), store.secrets(), Clock.systemUTC()), Clock.systemUTC());
            List<JobResult> results = job.run(setup, devices);
            return DeviceJobs.report(ctx, results);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Key pair on the device, certificate from the lab CA, TLS on; the device is then reached on 16993 "
                    + "verifying the lab root. Safe to run again: it finishes what a failed run left.")
    static final class Enable implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..*", paramLabel = "DEVICE", description = "Device names.")
        List<String> names;

        @Option(names = "--validity-days", defaultValue = "365", description = "Certificate lifetime (default: ${DEFAULT-VALUE}).")
        int validityDays;

        @Option(names = "--keep-plain-port", description = "Keep answering on 16992 without TLS too.")
        boolean keepPlain;

        @Option(names = "--replace", description = "Issue a new certificate even if the device has a valid one from the lab CA.")
        boolean replace;

        Enable(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            if (validityDays < 1) {
                throw new UserException("--validity-days must be at least 1");
            }
            TlsSetup.Options options = TlsSetup.Options.defaults().withValidity(Duration.ofDays(validityDays))
                    .withAcceptPlain(keepPlain).withReplace(replace);
            return run(ctx, names, (setup, devices) -> setup.enable(devices, options, r -> { }));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Turn the devices' TLS off; they are then reached on 16992 again.")
    static final class Disable implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..*", paramLabel = "DEVICE", description = "Device names.")
        List<String> names;

        Disable(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return run(ctx, names, (setup, devices) -> setup.disable(devices, TlsSetup.Options.defaults(), r -> { }));
        }
    }
}
