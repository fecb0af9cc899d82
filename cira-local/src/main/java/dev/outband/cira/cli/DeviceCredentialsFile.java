package dev.outband.cira.cli;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-device CIRA credentials for {@code cira listen}: one {@code UUID,USER,PASSWORD} per line (the
 * password is the rest of the line), {@code #} comments. The file must be readable by its owner only.
 */
final class DeviceCredentialsFile {
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private DeviceCredentialsFile() {
    }

    static Map<DeviceUuid, CiraCredential> read(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null && posix.readAttributes().permissions().stream().anyMatch(OTHERS::contains)) {
            throw new IOException(file + " holds passwords and must be readable by its owner only (chmod 600)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<DeviceUuid, CiraCredential> credentials = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", 3);
            if (fields.length < 3 || fields[1].isBlank() || fields[2].isEmpty()) {
                throw new IOException(file + " line " + (i + 1) + ": expected UUID,USER,PASSWORD");
            }
            DeviceUuid uuid;
            try {
                uuid = DeviceUuid.parse(fields[0].strip());
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": not a UUID", e);
            }
            if (credentials.put(uuid, new CiraCredential(fields[1].strip(),
                    fields[2].getBytes(StandardCharsets.UTF_8))) != null) {
                throw new IOException(file + " line " + (i + 1) + ": " + uuid + " is listed twice");
            }
        }
        return credentials;
    }
}
