package dev.outband.app.cli;

import dev.outband.app.amt.KvmConsent;
import dev.outband.app.store.Device;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Asks for the user consent code on the command line (kvm screenshot, ider). */
final class ConsentPrompt {
    private static final int CODE_ATTEMPTS = 3;

    private ConsentPrompt() {}

    /** The code comes from standard input: typed by the technician, or piped in by a script that asked for it. */
    static void obtain(CliContext ctx, Device device, KvmConsent consent) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
        for (int attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
            ctx.err().printf("%s needs user consent: type the 6-digit code shown on its screen: ", device.name());
            ctx.err().flush();
            String typed = in.readLine();
            if (typed == null) {
                consent.cancel();
                throw new UserException("No consent code given; the request on " + device.name() + " was cancelled");
            }
            if (!KvmConsent.wellFormed(typed)) {
                ctx.err().println("The code is 6 digits.");
                continue;
            }
            switch (consent.send(typed)) {
                case ACCEPTED -> {
                    return;
                }
                case WRONG_CODE -> ctx.err().println("The device refused that code.");
                case RESTARTED -> ctx.err().println("The device dropped the request after wrong codes; it shows a new code.");
            }
        }
        consent.cancel();
        throw new UserException("No valid consent code after " + CODE_ATTEMPTS + " attempts; the request was cancelled");
    }
}
