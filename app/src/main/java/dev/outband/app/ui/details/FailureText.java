package dev.outband.app.ui.details;

import dev.outband.wsman.WsmanException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns a failed read into the words a technician acts on. */
public final class FailureText {
    private FailureText() {
    }

    public static String of(Throwable error) {
        return switch (error) {
            // WS-Man failures already carry the wording of HP's AMT guide.
            case WsmanException w -> w.getMessage();
            case SocketTimeoutException t -> "Network timeout";
            case ConnectException c -> "AMT device not reachable: connection refused";
            case UnknownHostException u -> "Unknown host name: " + u.getMessage();
            case null -> "Unknown error";
            default -> error.getMessage() == null || error.getMessage().isBlank()
                    ? error.getClass().getSimpleName() : error.getMessage();
        };
    }
}
