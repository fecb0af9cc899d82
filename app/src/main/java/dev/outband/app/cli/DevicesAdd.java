package dev.outband.app.cli;

import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.DuplicateNameException;
import dev.outband.app.store.HostNames;
import dev.outband.app.store.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "add", description = "Add a device; its AMT password comes from --password-file or --password-stdin.",
        mixinStandardHelpOptions = true)
final class DevicesAdd implements Callable<Integer> {
    @ParentCommand
    DevicesCommand devices;

    @Option(names = "--name", required = true, description = "Unique device name.")
    String name;

    @Option(names = "--host", required = true, paramLabel = "HOST[:PORT]",
            description = "Hostname, FQDN, IPv4 or IPv6 address; a WS-Man port other than AMT's as host:port or "
                    + "[v6]:port (a NAT port forward, a simulator).")
    String host;

    @Option(names = "--kvm-port", paramLabel = "PORT",
            description = "The redirection (KVM) port when it is not two above the WS-Man port (16992 -> 16994).")
    Integer kvmPort;

    @Option(names = "--user", description = "AMT user (usually admin).")
    String user;

    /** The AMT password. */
    @ArgGroup(exclusive = true)
    PasswordSource password;

    @Option(names = "--tls", description = "Talk TLS to the device (port 16993).")
    boolean tls;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag; repeat for more.")
    List<String> tags = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CliContext ctx = devices.context();
        String hostProblem = HostNames.problem(host);
        if (hostProblem != null) {
            throw new UserException(hostProblem + ": " + host);
        }
        if (!HostNames.isPort(kvmPort)) {
            throw new UserException("--kvm-port must be 1..65535: " + kvmPort);
        }
        if (name.isBlank()) {
            throw new UserException("--name must not be empty");
        }
        String secret = password == null ? null : password.read(ctx);
        DeviceDraft draft = new DeviceDraft(name, host, user, secret, tls, Tags.parse(String.join(",", tags)), kvmPort);
        try (DeviceStore store = ctx.openStore()) {
            store.devices().save(draft.toDevice(null, store.devices()::seal));
        } catch (DuplicateNameException e) {
            throw new UserException(e.getMessage());
        }
        ctx.out().println("Added " + name);
        return ExitCode.OK;
    }
}
