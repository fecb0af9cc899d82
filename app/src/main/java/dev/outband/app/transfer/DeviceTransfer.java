package dev.outband.app.transfer;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.HostNames;
import dev.outband.app.store.PrivateFiles;
import java.io.BufferedReader;
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
    /** Enough of a file's start to tell JSON from CSV. */
    private static final int DETECT_CHARS = 4096;

    private final DeviceRepository repository;
    private final TransferSettings limits;

    public DeviceTransfer(DeviceRepository repository) {
        this(repository, TransferSettings.DEFAULTS);
    }

    public DeviceTransfer(DeviceRepository repository, TransferSettings limits) {
        this.repository = repository;
        this.limits = limits;
    }

    /**
     * Streams {@code file} ({@code format} null = detect); good lines are imported, bad ones reported. A file
     * over the size limit or holding binary data is refused as a whole, saying so.
     */
    public ImportResult importFile(Path file, TransferFormat format) throws TransferException {
        try (BufferedReader text = new BufferedReader(TextFileReader.open(file, limits.maxFileBytes()), DETECT_CHARS)) {
            TransferFormat f = format == null ? TransferFormat.detect(file, head(text)) : format;
            return importList(f == TransferFormat.CSV ? CsvDeviceList.parse(text, limits)
                    : MeshCommanderDeviceList.parse(text, limits));
        } catch (UnreadableText e) {
            throw new TransferException("Cannot import " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransferException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String head(BufferedReader text) throws IOException {
        char[] start = new char[DETECT_CHARS];
        text.mark(DETECT_CHARS);
        int n = text.read(start, 0, DETECT_CHARS);
        text.reset();
        return n < 0 ? "" : new String(start, 0, n);
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
                rejected.add(new Rejection(entry.line(), entry.entry(), problem));
                continue;
            }
            accepted.add(draft.toDevice(null, repository::seal));
        }
        List<Device> saved = repository.insertAll(accepted);
        rejected.sort(Comparator.comparingInt(Rejection::line).thenComparingInt(Rejection::entry));
        return new ImportResult(saved.stream().map(Device::name).toList(), rejected);
    }

    /**
     * Writes every device; passwords only when the user explicitly asked for them, and then into a file
     * only its owner can read, replacing any older file rather than inheriting its mode.
     */
    public int exportFile(Path file, TransferFormat format, boolean includePasswords) throws TransferException {
        List<Device> devices = repository.findAll();
        String text = format == TransferFormat.CSV
                ? CsvDeviceList.write(devices, includePasswords)
                : MeshCommanderDeviceList.write(devices, includePasswords);
        try {
            if (includePasswords) {
                PrivateFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
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
