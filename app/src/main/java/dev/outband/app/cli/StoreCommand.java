package dev.outband.app.cli;

import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.WrongMasterPasswordException;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code outband store set-master-password | remove-master-password}. The current master password comes
 * the usual way ({@code OUTBAND_MASTER_PASSWORD_FILE} or a prompt); the store then moves to a new key.
 */
@Command(name = "store", mixinStandardHelpOptions = true, description = "The device store's master password.",
        subcommands = {StoreCommand.SetMasterPassword.class, StoreCommand.RemoveMasterPassword.class})
final class StoreCommand implements Runnable {
    @ParentCommand
    OutbandCommand root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.context().out());
    }

    @Command(name = "set-master-password", mixinStandardHelpOptions = true,
            description = "Protect the store with a master password (from --password-file or --password-stdin), or "
                    + "change it; everything is sealed anew.")
    static final class SetMasterPassword implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        /** The new master password. */
        @ArgGroup(exclusive = true, multiplicity = "1")
        PasswordSource next;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = store.root.context();
            char[] password = next.read(ctx).toCharArray();
            change(ctx, password);
            ctx.out().println("The store is protected by the new master password; use it from now on.");
            return ExitCode.OK;
        }
    }

    @Command(name = "remove-master-password", mixinStandardHelpOptions = true,
            description = "Keep the store's key in an owner-only file instead; everything is sealed anew.")
    static final class RemoveMasterPassword implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = store.root.context();
            change(ctx, null);
            ctx.out().println("The store has no master password any more.");
            return ExitCode.OK;
        }
    }

    private static void change(CliContext ctx, char[] next) throws IOException, UserException {
        char[] current = DeviceStore.isProtected(ctx.dataFolder()) ? ctx.masterPassword() : null;
        try (DeviceStore store = ctx.openStore(() -> current)) {
            store.changeMasterPassword(current, next);
        } catch (WrongMasterPasswordException e) {
            throw new UserException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        } finally {
            if (next != null) {
                Arrays.fill(next, '\0');
            }
        }
    }
}
