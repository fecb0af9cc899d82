package dev.outband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.ActivationProfile.Consent;
import dev.outband.app.store.ActivationProfile.ControlMode;
import dev.outband.app.store.ActivationProfile.Network;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.DuplicateNameException;
import dev.outband.app.store.HostNames;
import dev.outband.app.store.ProfileRepository;
import dev.outband.app.store.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outband profiles add|list|remove}: how the activation server sets devices up. */
final class ProfilesCommands {
    private ProfilesCommands() {
    }

    static CommandLine group(CliContext ctx) {
        return CommandGroup.named("profiles", "Activation profiles: how outband activate serve sets devices up.",
                new Add(ctx), new ListProfiles(ctx), new Remove(ctx));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add or replace an activation profile."
            + " Passwords come from files, never from the command line; without --password-file each device gets"
            + " a generated admin password, stored with the device.")
    static final class Add implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "NAME", description = "The name the device client asks for (--profile NAME).")
        String name;

        @Option(names = "--mode", required = true, description = "ccm (client control, host-based setup) or acm"
                + " (admin control, signed with a provisioning certificate).")
        String mode;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "First line: the AMT admin password every device gets (default: one generated per device).")
        Path passwordFile;

        @Option(names = "--mebx-password-file", paramLabel = "FILE",
                description = "First line: the MEBx password (admin control; default: generated per device).")
        Path mebxPasswordFile;

        @Option(names = "--pkcs12", paramLabel = "FILE", description = "The provisioning certificate with its key and"
                + " chain (admin control).")
        Path pkcs12;

        @Option(names = "--pkcs12-password-file", paramLabel = "FILE", description = "First line: the PKCS#12 password.")
        Path pkcs12PasswordFile;

        @Option(names = "--dns-suffix", paramLabel = "DOMAIN",
                description = "The DNS suffix the provisioning certificate is issued for (admin control).")
        String dnsSuffix;

        @Option(names = "--tls", description = "Turn the device's TLS on with a certificate from the lab CA.")
        boolean tls;

        @Option(names = "--call-home", paramLabel = "ADDRESS[:PORT]",
                description = "The device calls this laptop's CIRA listener at ADDRESS (port 4433 unless given).")
        String callHome;

        @Option(names = "--consent", defaultValue = "all",
                description = "User consent for redirection: none, kvm or all (default: ${DEFAULT-VALUE}; client"
                        + " control mode is always all).")
        String consent;

        @Option(names = "--no-kvm", description = "Leave KVM off.")
        boolean noKvm;

        @Option(names = "--no-sol", description = "Leave serial-over-LAN off.")
        boolean noSol;

        @Option(names = "--no-ider", description = "Leave IDE redirection off.")
        boolean noIder;

        @Option(names = "--network", defaultValue = "dhcp",
                description = "dhcp, or static (AMT takes the OS's address, IP sync); default: ${DEFAULT-VALUE}.")
        String network;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (DeviceStore store = ctx.openStore()) {
                ProfileRepository profiles = store.profiles();
                ActivationProfile profile;
                try {
                    HostNames.Address home = callHome == null ? null : HostNames.split(callHome);
                    profile = new ActivationProfile(profiles.findByName(name).map(ActivationProfile::id).orElse(null),
                            name, word(ControlMode.class, mode, "--mode"), sealed(profiles, passwordFile),
                            sealed(profiles, mebxPasswordFile), pkcs12 == null ? null
                            : profiles.seal(Base64.getEncoder().encodeToString(read(pkcs12))),
                            sealed(profiles, pkcs12PasswordFile), dnsSuffix, tls, home == null ? null : home.host(),
                            home == null || home.port() == null ? ActivationProfile.DEFAULT_CIRA_PORT : home.port(),
                            word(Consent.class, consent, "--consent"), !noKvm, !noSol, !noIder,
                            word(Network.class, network, "--network"));
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage());
                }
                try {
                    profiles.save(profile);
                } catch (DuplicateNameException e) {
                    throw new UserException("A profile named " + name + " exists with another case of letters");
                }
                ctx.out().printf("Profile %s saved (%s%s%s).%n", name, profile.controlMode(),
                        profile.tls() ? ", TLS" : "", profile.callsHome() ? ", calls " + callHome : "");
                return ExitCode.OK;
            }
        }

        private static Secret sealed(ProfileRepository profiles, Path file) throws UserException {
            if (file == null) {
                return null;
            }
            return profiles.seal(CliContext.firstLine(new String(read(file), StandardCharsets.UTF_8)));
        }

        private static byte[] read(Path file) throws UserException {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UserException("Cannot read " + file);
            }
        }

        private static <E extends Enum<E>> E word(Class<E> type, String value, String option) throws UserException {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserException(option + " is one of " + List.of(type.getEnumConstants()).toString()
                        .toLowerCase(Locale.ROOT) + ", not " + value);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the activation profiles (no secrets).")
    static final class ListProfiles implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json", description = "JSON instead of a table.")
        boolean json;

        ListProfiles(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (DeviceStore store = ctx.openStore()) {
                List<ActivationProfile> all = store.profiles().findAll();
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ArrayNode array = mapper.createArrayNode();
                    for (ActivationProfile p : all) {
                        array.addObject().put("name", p.name()).put("controlMode", p.controlMode().name())
                                .put("adminPassword", p.adminPassword() == null ? "generated" : "given")
                                .put("dnsSuffix", p.dnsSuffix()).put("tls", p.tls())
                                .put("callHome", p.callsHome() ? HostNames.join(p.callHomeAddress(), p.callHomePort()) : null)
                                .put("userConsent", p.userConsent().name()).put("kvm", p.kvm()).put("sol", p.sol())
                                .put("ider", p.ider()).put("network", p.network().name());
                    }
                    ctx.out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
                    return ExitCode.OK;
                }
                ctx.out().printf("%-20s %-4s %-9s %-4s %-22s %-7s %-11s %s%n", "NAME", "MODE", "PASSWORD", "TLS",
                        "CALL HOME", "CONSENT", "REDIRECTION", "NETWORK");
                for (ActivationProfile p : all) {
                    ctx.out().printf("%-20s %-4s %-9s %-4s %-22s %-7s %-11s %s%n", p.name(), p.controlMode(),
                            p.adminPassword() == null ? "generated" : "given", p.tls() ? "yes" : "no",
                            p.callsHome() ? HostNames.join(p.callHomeAddress(), p.callHomePort()) : "-",
                            p.userConsent().name().toLowerCase(Locale.ROOT), redirection(p),
                            p.network().name().toLowerCase(Locale.ROOT));
                }
                return ExitCode.OK;
            }
        }

        private static String redirection(ActivationProfile p) {
            String s = (p.kvm() ? "KVM " : "") + (p.sol() ? "SOL " : "") + (p.ider() ? "IDE-R" : "");
            return s.isBlank() ? "-" : s.strip().replace(' ', ',');
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an activation profile.")
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
                if (!store.profiles().delete(name)) {
                    throw new UserException("No profile named '" + name + "'");
                }
                ctx.out().printf("Profile %s removed.%n", name);
                return ExitCode.OK;
            }
        }
    }
}
