package dev.outband.app.ca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lab CA issued, one JSON line per certificate in {@code issued.jsonl} beside the root:
 * appended, never rewritten, so a crash loses at most the line being written.
 */
public final class IssuedCertificates {
    static final String FILE = "issued.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One issued certificate: serial in hex, the device it was made for, its names and its end. */
    public record Issued(String serial, String device, String subject, List<String> names, Instant notAfter,
                         Instant issuedAt) {
        public static Issued of(String device, X509Certificate certificate, List<String> names, Instant now) {
            return new Issued(certificate.getSerialNumber().toString(16), device,
                    certificate.getSubjectX500Principal().getName(), List.copyOf(names),
                    certificate.getNotAfter().toInstant(), now);
        }

        /** True when the certificate ends within {@code days} of {@code now} (or has ended). */
        public boolean expiresWithin(Instant now, int days) {
            return !notAfter.isAfter(now.plus(java.time.Duration.ofDays(days)));
        }
    }

    private final Path file;

    IssuedCertificates(Path caFolder) {
        this.file = caFolder.resolve(FILE);
    }

    synchronized void record(Issued issued) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
        }
        Files.writeString(file, JSON.writeValueAsString(issued) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** Every record, oldest first; a torn last line (a crash while writing) is passed over. */
    public synchronized List<Issued> all() throws IOException {
        List<Issued> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    try {
                        out.add(JSON.readValue(line, Issued.class));
                    } catch (com.fasterxml.jackson.core.JacksonException torn) {
                        // only the line a crash interrupted can be incomplete
                    }
                }
            }
        }
        return out;
    }
}
