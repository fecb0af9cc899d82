package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CompletionAndManPageTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err)));
    }

    @Test
    void theBashCompletionScriptCompletesEveryTopLevelCommandAndTheirSubcommands() {
        assertThat(run("completion", "bash")).as(err.toString()).isZero();

        String script = out.toString();
        assertThat(script).contains("complete -F _complete_outband").contains("outband");
        for (String command : new String[] {"devices", "power", "info", "sim", "cira", "sources", "store", "kvm",
            "tls", "ca", "discover", "completion", "manpage"}) {
            assertThat(script).as(command).containsPattern("(?m)^\\s*local commands=\".*\\b" + command + "\\b");
        }
        assertThat(script).contains("import").contains("export").contains("--password-stdin");
    }

    @Test
    void bashItselfCompletesACommandAndASubcommandWithTheScript() throws Exception {
        assertThat(run("completion")).as(err.toString()).isZero();
        Path script = home.resolve("outband.bash");
        Files.writeString(script, out.toString());

        assertThat(complete(script, "outband dev")).isEqualTo("devices");
        assertThat(complete(script, "outband devices im")).isEqualTo("import");
    }

    /** What bash offers for the last word of {@code line}, by the script's own completion function. */
    private static String complete(Path script, String line) throws Exception {
        String[] words = line.split(" ");
        Process bash = new ProcessBuilder("bash", "-c", "source \"$0\"; COMP_WORDS=(" + line + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE=\"" + line + "\"; COMP_POINT=${#COMP_LINE}; _complete_outband; "
                + "echo \"${COMPREPLY[*]}\"", script.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void theManPagesArePicoclisAsciiDocManPagesOnePerCommand() throws Exception {
        Path pages = home.resolve("man");
        assertThat(run("manpage", pages.toString())).as(err.toString()).isZero();

        assertThat(pages.resolve("outband.adoc")).exists();
        assertThat(pages.resolve("outband-devices-add.adoc")).exists();
        String top = Files.readString(pages.resolve("outband.adoc"), StandardCharsets.UTF_8);
        assertThat(top).contains(":doctype: manpage").contains("= outband(1)").contains("xref:outband-devices.adoc[*devices*]");
        assertThat(out.toString()).startsWith("Wrote ").contains(pages.toString());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        assertThat(run("completion", "tcsh")).isEqualTo(ExitCode.USAGE);
    }
}
