package dev.outband.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command reads a password from: never its arguments, which other users can see in the process list. */
final class PasswordSource {
    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
    Path file;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean stdin;

    String read(CliContext ctx) throws IOException, UserException {
        if (stdin) {
            return ctx.readStdinLine();
        }
        try {
            return CliContext.firstLine(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserException("Cannot read the password file " + file);
        }
    }
}
