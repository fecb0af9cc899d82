package dev.outband.app.cli;

import dev.outband.app.lab.JobResult;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import java.util.ArrayList;
import java.util.List;

/** What commands that act on several named devices share: finding them, and the outcome as an exit code. */
final class DeviceJobs {
    private DeviceJobs() {
    }

    static List<Device> named(DeviceRepository devices, List<String> names) throws UserException {
        List<Device> found = new ArrayList<>();
        for (String name : names) {
            found.add(devices.findByName(name).orElseThrow(() -> new UserException("No device named '" + name + "'")));
        }
        return found;
    }

    /** 0 when all succeeded, 1 when none did, 3 when some did. */
    static int exitCode(long failed, int total) {
        return failed == 0 ? ExitCode.OK : failed == total ? ExitCode.USER_ERROR : ExitCode.PARTIAL;
    }

    /** One line per device, then the exit code. */
    static int report(CliContext ctx, List<JobResult> results) {
        for (JobResult r : results) {
            ctx.out().printf("%-24s %s%s%n", r.device(), r.ok() ? "ok: " : "FAILED at ", r.message());
        }
        return exitCode(results.stream().filter(r -> !r.ok()).count(), results.size());
    }
}
