package dev.outband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.remote.DeviceFilter;
import dev.outband.app.remote.SourceListing;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.DuplicateNameException;
import dev.outband.app.store.RemoteSource;
import java.io.Console;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outband sources …}: remote MPS / DMT Console servers whose devices the console lists and manages. */
final class SourcesCommands {
    /** Where {@code sources add} finds the API password when neither a file nor standard input gives it. */
    static final String PASSWORD_ENV = "OUTBAND_SOURCE_PASSWORD";

    private SourcesCommands() {
    }

    static CommandLine group(CliContext ctx) {
        return CommandGroup.named("sources", "Remote MPS / DMT Console servers whose devices Outband manages.",
                new Add(ctx), new ListSources(ctx), new Remove(ctx), new Pin(ctx));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a remote source. Its API password comes"
            + " from --password-file, --password-stdin, $" + PASSWORD_ENV + " or a prompt.")
    static final class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME", description = "How devices of this source are named: NAME/DEVICE.")
        String name;

        @Option(names = "--url", required = true, description = "The server, e.g. https://mps.example.com")
        URI url;

        @Option(names = "--user", required = true, description = "The API user (MPS's web UI user).")
        String user;

        @Option(names = "--trust", defaultValue = "system", description = "system (the JVM's roots) or lab "
                + "(also this data folder's lab root); default: ${DEFAULT-VALUE}.")
        String trust;

        @Option(names = "--pin", paramLabel = "SHA256", description = "Trust exactly this server certificate.")
        String pin;

        @ArgGroup(exclusive = true)
        PasswordSource password;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            RemoteSource.Trust mode = pin != null ? RemoteSource.Trust.PINNED : switch (trust.toLowerCase(Locale.ROOT)) {
                case "system" -> RemoteSource.Trust.SYSTEM;
                case "lab" -> RemoteSource.Trust.LAB;
                default -> throw new UserException("--trust is system or lab, not " + trust);
            };
            String secret = password();
            try (DeviceStore store = ctx.openStore()) {
                RemoteSource saved = store.sources().insert(new RemoteSource(null, name, url, user,
                        store.sources().seal(secret), mode, pin));
                ctx.out().printf("Added source %s (%s, trust %s)%n", saved.name(), saved.url(),
                        saved.trust().name().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            } catch (DuplicateNameException e) {
                throw new UserException("A source named '" + name + "' exists already");
            }
            return ExitCode.OK;
        }

        private String password() throws Exception {
            if (password != null) {
                return password.read(ctx);
            }
            String fromEnv = ctx.env().get(PASSWORD_ENV);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return fromEnv;
            }
            Console console = System.console();
            char[] typed = console == null ? null : console.readPassword("API password for %s: ", user);
            if (typed == null || typed.length == 0) {
                throw new UserException("No API password: use --password-file, --password-stdin or $" + PASSWORD_ENV);
            }
            return new String(typed);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List remote sources; --check asks each for its device counts.")
    static final class ListSources implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--check", description = "Log in to each source and show its device counts or its error.")
        boolean check;

        @Option(names = "--json", description = "Machine-readable JSON array.")
        boolean json;

        ListSources(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            List<RemoteSource> sources;
            try (DeviceStore store = ctx.openStore()) {
                sources = store.sources().findAll();
            }
            Map<String, String> status = new LinkedHashMap<>();
            boolean failed = false;
            if (check) {
                var remote = ctx.remoteSources(sources);
                for (RemoteSource s : sources) {
                    try {
                        var stats = remote.stats(s);
                        status.put(s.name(), stats.total() + " devices, " + stats.connected() + " connected");
                    } catch (java.io.IOException e) {
                        status.put(s.name(), "FAILED: " + e.getMessage());
                        failed = true;
                    }
                }
            }
            if (json) {
                List<Map<String, String>> rows = sources.stream().map(s -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("name", s.name());
                    row.put("url", s.url().toString());
                    row.put("user", s.user());
                    row.put("trust", s.trust().name().toLowerCase(Locale.ROOT));
                    row.put("pinnedSha256", s.pinnedSha256());
                    if (check) {
                        row.put("status", status.get(s.name()));
                    }
                    return row;
                }).toList();
                ctx.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            } else {
                String format = "%-16s %-40s %-16s %-7s %s%n";
                ctx.out().printf(format, "NAME", "URL", "USER", "TRUST", check ? "STATUS" : "");
                for (RemoteSource s : sources) {
                    ctx.out().printf(format, s.name(), s.url(), s.user(), s.trust().name().toLowerCase(Locale.ROOT),
                            status.getOrDefault(s.name(), ""));
                }
            }
            return failed ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a remote source.")
    static final class Remove implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME")
        String name;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (DeviceStore store = ctx.openStore()) {
                RemoteSource source = store.sources().findByName(name)
                        .orElseThrow(() -> new UserException("No source named '" + name + "'"));
                store.sources().delete(source.id());
            }
            ctx.out().println("Removed source " + name);
            return ExitCode.OK;
        }
    }

    @Command(name = "pin", mixinStandardHelpOptions = true,
            description = "Trust exactly the TLS certificate with this SHA-256 for a source (colons allowed).")
    static final class Pin implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "SHA256")
        String sha256;

        Pin(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String hex = DevicesPin.fingerprint(sha256);
            try (DeviceStore store = ctx.openStore()) {
                RemoteSource source = store.sources().findByName(name)
                        .orElseThrow(() -> new UserException("No source named '" + name + "'"));
                store.sources().pin(source.id(), hex);
            }
            ctx.out().println("Pinned source " + name + " to certificate SHA-256 " + hex);
            return ExitCode.OK;
        }
    }

    /** One line per source that could not list its devices, for commands that list them. */
    static boolean reportFailures(CliContext ctx, List<SourceListing> listings) {
        boolean failed = false;
        for (SourceListing l : listings) {
            if (l.error() != null) {
                ctx.err().println("outband: " + l.error().getMessage() + " (its devices are not listed)");
                failed = true;
            }
        }
        return failed;
    }

    static DeviceFilter filter(String tag) {
        return tag == null ? DeviceFilter.ALL : new DeviceFilter(List.of(tag), false, null, null);
    }
}
