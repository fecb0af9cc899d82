package dev.outband.app.cli;

import dev.outband.app.activation.ActivationContext;
import dev.outband.app.activation.Deactivation;
import dev.outband.app.lab.JobResult;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outband deactivate DEVICE…}: back to pre-provisioning over WS-Man (Unprovision), as the admin. */
@Command(name = "deactivate", mixinStandardHelpOptions = true,
        description = "Deactivate stored devices: AMT_SetupAndConfigurationService.Unprovision as admin, which clears"
                + " the admin password, TLS and call-home settings. The device then leaves the store, or stays tagged"
                + " 'unprovisioned' with --keep.")
final class DeactivateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(arity = "1..*", paramLabel = "DEVICE", description = "Device names.")
    List<String> names;

    @Option(names = "--keep", description = "Keep the devices in the store, tagged 'unprovisioned'.")
    boolean keep;

    DeactivateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (DeviceStore store = ctx.openStore()) {
            List<Device> devices = DeviceJobs.named(store.devices(), names);
            List<JobResult> results = new Deactivation(store, keep ? ActivationContext.Deactivated.MARK
                    : ActivationContext.Deactivated.REMOVE, step -> { })
                    .stored(devices, ctx.connections()::client);
            return DeviceJobs.report(ctx, results);
        }
    }
}
