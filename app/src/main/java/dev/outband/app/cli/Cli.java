package dev.outband.app.cli;

import dev.outband.cira.bench.CiraBenchCommand;
import dev.outband.cira.cli.CiraListenCommand;
import dev.outband.kvm.cli.VncScreenshotCommand;
import dev.outband.simulator.cli.SimCommand;
import dev.outband.wsman.WsmanException;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine;

/** Builds and runs the {@code outband} command line. Add new top-level subcommands in {@link #commandLine}. */
public final class Cli {
    /** Options that open the console window rather than the CLI. */
    private static final Set<String> GUI_OPTIONS = Set.of("--smoke");

    private Cli() {
    }

    /** True when the arguments ask for a CLI command (anything but no arguments or GUI options). */
    public static boolean wantsCli(String[] args) {
        for (String a : args) {
            if (!GUI_OPTIONS.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The one place subcommands are registered. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new OutbandCommand(context));
        cli.addSubcommand(new CommandLine(new DevicesCommand()));
        cli.addSubcommand(new CommandLine(new StoreCommand()));
        cli.addSubcommand(new PowerCommand());
        cli.addSubcommand(new InfoCommand());
        cli.addSubcommand(new SimCommand(new SimStoreRegistrar(context)));
        cli.addSubcommand(new DiscoverCommand(context));
        cli.addSubcommand(CommandGroup.named("cira", "The local CIRA listener (a mini MPS for lab devices).",
                new CiraListenCommand(), new CiraServeCommand(context), new CiraCredentialsCommand(context), new CiraSetupCommands.Setup(context),
                new CiraSetupCommands.Remove(context)));
        cli.addSubcommand(SourcesCommands.group(context));
        cli.addSubcommand(CaCommands.group(context));
        cli.addSubcommand(TlsCommands.group(context));
        cli.addSubcommand(CommandGroup.named("activate", "Activate lab devices: a server for DMT's device client.",
                new ActivateServeCommand(context)));
        cli.addSubcommand(ProfilesCommands.group(context));
        cli.addSubcommand(new DeactivateCommand(context));
        cli.addSubcommand(CommandGroup.named("kvm", "The remote screen of stored devices.",
                new KvmScreenshotCommand(context)));
        cli.addSubcommand(new IderCommand(context));
        cli.addSubcommand(new SolCommand(context));
        cli.addSubcommand(CommandGroup.named("vnc", "Standard VNC servers (also AMT's port 5900).",
                new VncScreenshotCommand()));
        cli.addSubcommand(CommandGroup.named("bench", "Benchmarks against simulated devices on loopback.",
                new WsmanBenchCommand(), new PowerBenchCommand(), new LabBenchCommand(), new ApiBenchCommand(), new CiraBenchCommand(),
                new ActivationBenchCommand()));
        cli.addSubcommand(new CompletionCommand());
        cli.addSubcommand(new ManPageCommand());
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.HELP);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            // Store and file failures are reported in one line too; a stack trace helps no technician.
            line.getErr().println("outband: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (e instanceof WsmanException.CertificateRejected rejected && rejected.sha256() != null) {
                line.getErr().printf("The device presented %s, SHA-256 %s.%nIf that is its certificate: "
                        + "outband devices pin DEVICE %s%n", rejected.subject(), rejected.sha256(), rejected.sha256());
            }
            return ExitCode.of(e);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("outband: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cli;
    }

    /** Runs a command; one that reads or acts on devices is run by the store's owner when one answers at its door. */
    public static int run(String[] args, CliContext context) {
        OptionalInt forwarded = context.owner() == null
                ? OwnerDoorClient.forward(args, context, DoorSettings.defaults()) : OptionalInt.empty();
        int code = forwarded.isPresent() ? forwarded.getAsInt() : commandLine(context).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }
}
