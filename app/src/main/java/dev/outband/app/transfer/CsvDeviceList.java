package dev.outband.app.transfer;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.Tags;
import dev.outband.app.store.TlsMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV device lists: header {@code name,host,user,password,tls,tags} (any order, name and host
 * required), one device per line, tags separated by ';' or spaces inside their field.
 */
public final class CsvDeviceList {
    static final List<String> HEADER = List.of("name", "host", "user", "password", "tls", "tags");

    private CsvDeviceList() {
    }

    public static ParsedList parse(String text) throws TransferException {
        String[] lines = text.split("\r?\n", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw new TransferException("The CSV file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = CsvLine.split(lines[headerLine].replace("\uFEFF", ""));
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("name") || !columns.containsKey("host")) {
            throw new TransferException("Line " + (headerLine + 1) + ": the CSV header must name the columns "
                    + String.join(",", HEADER));
        }
        List<ParsedList.Entry> entries = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            List<String> cells;
            try {
                cells = CsvLine.split(lines[i]);
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejection(lineNo, e.getMessage()));
                continue;
            }
            if (cells.size() > header.size()) {
                rejected.add(new Rejection(lineNo, cells.size() + " fields but the header has " + header.size()));
                continue;
            }
            Boolean tls = Flags.tls(cell(cells, columns, "tls"));
            if (tls == null) {
                rejected.add(new Rejection(lineNo, "tls must be 0/1, true/false or yes/no, not '"
                        + cell(cells, columns, "tls") + "'"));
                continue;
            }
            entries.add(new ParsedList.Entry(lineNo, new DeviceDraft(cell(cells, columns, "name"),
                    cell(cells, columns, "host"), cell(cells, columns, "user"), cell(cells, columns, "password"),
                    tls, Tags.parse(cell(cells, columns, "tags")))));
        }
        return new ParsedList(entries, rejected);
    }

    public static String write(List<Device> devices, boolean includePasswords) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Device d : devices) {
            String password = includePasswords && d.password() != null ? d.password().reveal() : "";
            out.append(String.join(",", List.of(CsvLine.quote(d.name()), CsvLine.quote(d.host()),
                    CsvLine.quote(nullToEmpty(d.user())), CsvLine.quote(password),
                    d.tls() == TlsMode.NONE ? "0" : "1", CsvLine.quote(String.join(";", d.tags()))))).append('\n');
        }
        return out.toString();
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
