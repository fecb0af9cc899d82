package dev.outband.app.activation;

import java.util.List;

/**
 * What the client's first message asks for, from its method as rpc-go writes it ({@code activate --profile NAME},
 * {@code deactivate --password PW -f}); rps splits it on spaces the same way (src/CommandParser.ts, minimist).
 */
record FirstMessage(Kind kind, String profile, boolean force) {
    enum Kind { ACTIVATE, DEACTIVATE }

    static FirstMessage parse(String method) throws RpsMessage.Malformed {
        List<String> words = List.of(method.strip().split("\\s+"));
        Kind kind = switch (words.getFirst()) {
            case "activate" -> Kind.ACTIVATE;
            case "deactivate" -> Kind.DEACTIVATE;
            default -> throw new RpsMessage.Malformed("Not a supported method: '" + words.getFirst()
                    + "' (this server activates and deactivates)");
        };
        String profile = null;
        boolean force = false;
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "--profile", "-profile" -> profile = i + 1 < words.size() ? words.get(++i) : null;
                case "-f", "--force" -> force = true;
                case "--password", "-password" -> i++;
                default -> {
                    // Other flags (e.g. maintenance options) do not change what this server does.
                }
            }
        }
        if (kind == Kind.ACTIVATE && (profile == null || profile.isBlank())) {
            throw new RpsMessage.Malformed("activate names no profile: run the client with --profile NAME");
        }
        return new FirstMessage(kind, profile, force);
    }
}
