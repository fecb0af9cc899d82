package dev.outband.app.transfer;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.HostNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Imports device lists into the store and exports the store, for the GUI and the CLI alike. */
public final class DeviceTransfer {
    private final DeviceRepository repository;

    public DeviceTransfer(DeviceRepository repository) {
        this.repository = repository;
    }

    /** Reads {@code file} ({@code format} null = detect); good lines are imported, bad ones reported. */
    public ImportResult importFile(Path file, TransferFormat format) throws TransferException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TransferException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        TransferFormat f = format == null ? TransferFormat.detect(file, text) : format;
        return importList(f == TransferFormat.CSV ? CsvDeviceList.parse(text) : MeshCommanderDeviceList.parse(text));
    }

    public ImportResult importList(ParsedList list) {
        List<Rejection> rejected = new ArrayList<>(list.rejected());
        Set<String> taken = new HashSet<>();
        repository.findAll().forEach(d -> taken.add(d.name()));
        List<Device> accepted = new ArrayList<>();
        for (ParsedList.Entry entry : list.entries()) {
            DeviceDraft draft = entry.draft();
            String problem = problem(draft);
            if (problem == null && !taken.add(draft.name())) {
                problem = "duplicate name '" + draft.name() + "'";
            }
            if (problem != null) {
                rejected.add(new Rejection(entry.line(), problem));
                continue;
            }
            accepted.add(draft.toDevice(null, repository::seal));
        }
        List<Device> saved = repository.insertAll(accepted);
        rejected.sort(Comparator.comparingInt(Rejection::line));
        return new ImportResult(saved.stream().map(Device::name).toList(), rejected);
    }

    /** Writes every device; passwords only when the user explicitly asked for them. */
    public int exportFile(Path file, TransferFormat format, boolean includePasswords) throws TransferException {
        List<Device> devices = repository.findAll();
        String text = format == TransferFormat.CSV
                ? CsvDeviceList.write(devices, includePasswords)
                : MeshCommanderDeviceList.write(devices, includePasswords);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TransferException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return devices.size();
    }

    private static String problem(DeviceDraft draft) {
        if (draft.name() == null || draft.name().isBlank()) {
            return "name is missing";
        }
        if (draft.name().length() > 200) {
            return "name is longer than 200 characters";
        }
        if (hasControlCharacter(draft.name())) {
            return "name holds a tab, line break or other control character";
        }
        if (draft.user() != null && hasControlCharacter(draft.user())) {
            return "user holds a tab, line break or other control character";
        }
        String host = HostNames.problem(draft.host());
        return host == null ? null : host + " ('" + draft.host() + "')";
    }

    private static boolean hasControlCharacter(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
