package dev.outband.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.remote.RemoteDeviceRow;
import dev.outband.app.remote.SourceListing;
import dev.outband.app.store.Device;
import dev.outband.app.store.RemoteSource;
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

    @Option(names = "--local", description = "Only stored devices, not those of remote sources.")
    boolean local;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = devices.context();
        List<Device> all;
        List<RemoteSource> sources;
        try (DeviceStore store = ctx.openStore()) {
            all = store.devices().findAll();
            sources = local ? List.of() : store.sources().findAll();
        }
        List<Device> shown = tag == null ? all : all.stream().filter(d -> d.tags().contains(tag)).toList();
        // Asked after the store is closed: a slow source must not keep it from the console.
        List<SourceListing> listings = sources.isEmpty() ? List.of()
                : ctx.remoteSources(sources).listAll(SourcesCommands.filter(tag));
        List<RemoteDeviceRow> remote = listings.stream().flatMap(l -> l.devices().stream()).toList();
        PrintWriter out = ctx.out();
        if (json) {
            List<DeviceJson> rows = new java.util.ArrayList<>(shown.stream().map(DeviceJson::of).toList());
            remote.forEach(r -> rows.add(DeviceJson.of(r)));
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            String format = "%-24s %-32s %-6s %-8s %-13s %s%n";
            out.printf(format, "NAME", "HOST", "TLS", "REACH", "STATUS", "TAGS");
            for (Device d : shown) {
                out.printf(format, d.name(), d.address(), d.tls().name().toLowerCase(),
                        d.reach().kind().name().toLowerCase(), "", String.join(",", d.tags()));
            }
            for (RemoteDeviceRow r : remote) {
                out.printf(format, r.device().name(), r.device().host(), "", r.source(),
                        r.connected() ? "connected" : "disconnected", String.join(",", r.device().tags()));
            }
        }
        return SourcesCommands.reportFailures(ctx, listings) ? ExitCode.PARTIAL : ExitCode.OK;
    }
}
