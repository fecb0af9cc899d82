package dev.outband.app.cli;

import dev.outband.app.remote.SourceException;
import dev.outband.app.store.StoreInUseException;
import dev.outband.wsman.WsmanException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exit codes every Outband command uses; {@link OutbandCommand}'s help lists them. */
public final class ExitCode {
    public static final int OK = 0;
    /** The command failed for a reason its message gives (a name not found, a bad file, a refused action). */
    public static final int USER_ERROR = 1;
    /** The command line itself is wrong: an unknown command or option, a missing or malformed value. */
    public static final int USAGE = 2;
    /** Some items succeeded and some did not (devices of a bulk action, lines of an import, sources of a listing). */
    public static final int PARTIAL = 3;
    /** A device or remote source did not answer: no route, connection refused, or no reply in time. */
    public static final int UNREACHABLE = 4;
    /** A device or remote source refused the credentials. */
    public static final int AUTH_REFUSED = 5;
    /** The TLS certificate of a device or remote source is not trusted (pin it, or trust its root). */
    public static final int TLS_UNTRUSTED = 6;
    /** Another Outband process, e.g. the console, has the device store open. */
    public static final int STORE_IN_USE = 7;

    /** What each code means, for {@code outband --help}. */
    static final Map<String, String> HELP = help();

    private static Map<String, String> help() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put(String.valueOf(OK), "Done.");
        help.put(String.valueOf(USER_ERROR), "Failed; the message says why.");
        help.put(String.valueOf(USAGE), "Wrong command line (unknown command or option, missing value).");
        help.put(String.valueOf(PARTIAL), "Partly done: some devices, lines or sources failed.");
        help.put(String.valueOf(UNREACHABLE), "A device or remote source did not answer.");
        help.put(String.valueOf(AUTH_REFUSED), "A device or remote source refused the user name or password.");
        help.put(String.valueOf(TLS_UNTRUSTED), "A TLS certificate was not trusted (outband devices pin, sources pin).");
        help.put(String.valueOf(STORE_IN_USE), "The device store is open in the console or another command.");
        return Collections.unmodifiableMap(help);
    }

    private ExitCode() {
    }

    /** The code for a command that ended with {@code failure}, found along its causes. */
    static int of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Integer code = switch (t) {
                case StoreInUseException inUse -> STORE_IN_USE;
                case WsmanException.CertificateRejected rejected -> TLS_UNTRUSTED;
                case WsmanException.CredentialsRejected rejected -> AUTH_REFUSED;
                case WsmanException.NetworkTimeout timeout -> UNREACHABLE;
                case WsmanException.Unreachable unreachable -> UNREACHABLE;
                case SourceException source -> switch (source.kind()) {
                    case UNREACHABLE, TIMEOUT -> UNREACHABLE;
                    case LOGIN_REFUSED -> AUTH_REFUSED;
                    case CERTIFICATE -> TLS_UNTRUSTED;
                    default -> null;
                };
                default -> null;
            };
            if (code != null) {
                return code;
            }
        }
        return USER_ERROR;
    }
}
