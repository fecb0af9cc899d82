package dev.outband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "List devices (passwords are never shown).", mixinStandardHelpOptions = true)
final class DevicesList implements Callable<Integer> {
    @ParentCommand
    DevicesCommand devices;

    @Option(names = "--json", description = "Machine-readable JSON array.")
    boolean json;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only devices with this tag.")
    String tag;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = devices.context();
        List<Device> all;
        try (DeviceStore store = ctx.openStore()) {
            all = store.devices().findAll();
        }
        List<Device> shown = tag == null ? all : all.stream().filter(d -> d.tags().contains(tag)).toList();
        PrintWriter out = ctx.out();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(shown.stream().map(DeviceJson::of).toList()));
        } else {
            String format = "%-24s %-32s %-6s %-8s %s%n";
            out.printf(format, "NAME", "HOST", "TLS", "REACH", "TAGS");
            for (Device d : shown) {
                out.printf(format, d.name(), d.host(), d.tls().name().toLowerCase(),
                        d.reach().kind().name().toLowerCase(), String.join(",", d.tags()));
            }
        }
        return ExitCode.OK;
    }
}
