package dev.outband.app.cli;

import dev.outband.app.ca.IssuedCertificates;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.DeviceStore;
import dev.outband.cira.ca.RootImport;
import dev.outband.wsman.tls.Certificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outband ca …}: the lab certificate authority that issues listener and device certificates. */
final class CaCommands {
    private CaCommands() {
    }

    static CommandLine group(CliContext ctx) {
        return CommandGroup.named("ca", "The lab certificate authority (issues device and listener TLS certificates).",
                new Create(ctx), new Import(ctx), new Show(ctx), new Export(ctx), new Unlock(ctx));
    }

    /** Runs {@code job} with the lab CA of the store's data folder; the store holds the key that seals it. */
    private static int withCa(CliContext ctx, CaJob job) throws Exception {
        try (DeviceStore store = ctx.openStore()) {
            return job.run(new LabAuthority(store.folder(), store.secrets(), Clock.systemUTC()));
        } catch (GeneralSecurityException e) {
            throw new UserException(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface CaJob {
        int run(LabAuthority ca) throws Exception;
    }

    private static void describe(CliContext ctx, X509Certificate root) throws GeneralSecurityException {
        ctx.out().printf("root      %s%nvalid     %s to %s%nSHA-256   %s%n", root.getSubjectX500Principal().getName(),
                root.getNotBefore().toInstant(), root.getNotAfter().toInstant(), Certificates.grouped(Certificates.sha256(root)));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create the lab root (RSA 2048, 10 years).")
    static final class Create implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--name", defaultValue = "Outband lab root", description = "Common name (default: ${DEFAULT-VALUE}).")
        String name;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return withCa(ctx, ca -> {
                if (ca.exists()) {
                    throw new UserException("A lab CA already exists in " + ca.folder());
                }
                describe(ctx, ca.create(name));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Use an existing root as the lab CA: PEM certificate and key, or a PKCS#12 file.")
    static final class Import implements Callable<Integer> {
        private final CliContext ctx;

        static final class Source {
            @ArgGroup(exclusive = false)
            Pems pem;
            @Option(names = "--pkcs12", description = "PKCS#12 file with the root and its key.")
            Path pkcs12;
        }

        static final class Pems {
            @Option(names = "--cert", required = true, description = "PEM root certificate.")
            Path certificate;
            @Option(names = "--key", required = true, description = "PEM private key (PKCS#8 or RSA, clear or encrypted).")
            Path key;
        }

        @ArgGroup(multiplicity = "1")
        Source source;

        @Option(names = "--password-file", description = "File whose first line is the key's or PKCS#12 password.")
        Path passwordFile;

        Import(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            char[] password = passwordFile == null ? new char[0]
                    : CliContext.firstLine(Files.readString(passwordFile, StandardCharsets.UTF_8)).toCharArray();
            RootImport.Root root;
            try {
                root = source.pkcs12 != null ? RootImport.fromPkcs12(Files.readAllBytes(source.pkcs12), password)
                        : RootImport.fromPem(Files.readString(source.pem.certificate), Files.readString(source.pem.key),
                                password);
            } catch (GeneralSecurityException e) {
                throw new UserException("Cannot import the root: " + e.getMessage());
            }
            return withCa(ctx, ca -> {
                describe(ctx, ca.importRoot(root));
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The lab root and the certificates it issued.")
    static final class Show implements Callable<Integer> {
        private static final int WARN_DAYS = 30;
        private final CliContext ctx;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return withCa(ctx, ca -> {
                X509Certificate root = ca.root().orElseThrow(() -> new UserException(
                        "There is no lab CA yet: outband ca create"));
                describe(ctx, root);
                Instant now = Instant.now();
                for (IssuedCertificates.Issued issued : ca.issued().all()) {
                    ctx.out().printf("issued    %-24s serial %s, until %s%s%n", issued.device(), issued.serial(),
                            issued.notAfter(), issued.expiresWithin(now, WARN_DAYS) ? "  (renew: ends within "
                                    + WARN_DAYS + " days)" : "");
                }
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the lab root certificate (PEM, or DER).")
    static final class Export implements Callable<Integer> {
        private final CliContext ctx;

        @CommandLine.Parameters(paramLabel = "FILE", description = "Where to write it.")
        Path file;

        @Option(names = "--der", description = "DER instead of PEM.")
        boolean der;

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            return withCa(ctx, ca -> {
                ca.exportRoot(file, der);
                ctx.out().println(file + ": lab root written");
                return ExitCode.OK;
            });
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Give once the passphrase of a lab CA made by hand; it is then kept sealed with the store key.")
    static final class Unlock implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--passphrase-file", required = true, description = "File whose first line is the CA passphrase.")
        Path passphraseFile;

        Unlock(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            char[] passphrase = CliContext.firstLine(Files.readString(passphraseFile, StandardCharsets.UTF_8)).toCharArray();
            return withCa(ctx, ca -> {
                ca.unlock(passphrase);
                ctx.out().println("lab CA unlocked");
                return ExitCode.OK;
            });
        }
    }
}
