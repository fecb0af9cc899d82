package dev.outband.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** Writes the manual pages picocli generates from the command tree: one AsciiDoc man page per command. */
@Command(name = "manpage", mixinStandardHelpOptions = true,
        description = {"Writes a manual page per command as AsciiDoc (doctype manpage) into DIR.",
            "Turn them into man pages with: asciidoctor -b manpage DIR/*.adoc"})
final class ManPageCommand implements Callable<Integer> {
    @ParentCommand
    OutbandCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder to write the pages to (created if missing).")
    Path folder;

    @Override
    public Integer call() throws IOException, UserException {
        Files.createDirectories(folder);
        int code = ManPageGenerator.generateManPage(folder.toFile(), null, new boolean[0], false, spec.root());
        if (code != 0) {
            throw new UserException("picocli's man page generator failed (" + code + ")");
        }
        try (var pages = Files.list(folder)) {
            root.context().out().printf("Wrote %d pages to %s%n",
                    pages.filter(p -> p.getFileName().toString().endsWith(".adoc")).count(), folder);
        }
        return ExitCode.OK;
    }
}
