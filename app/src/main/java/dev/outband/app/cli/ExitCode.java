package dev.outband.app.cli;

/** Exit codes every Outband command uses. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int PARTIAL = 2;

    private ExitCode() {
    }
}
