package dev.outband.app.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.Tags;
import dev.outband.app.store.TlsMode;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CSV device lists: header {@code name,host,user,password,tls,tags} (any order, name and host
 * required), one device per record, tags separated by ';' or spaces inside their field. A WS-Man port other than
 * AMT's rides in the host field as MeshCommander writes it: {@code host:port}, {@code [v6]:port}.
 */
public final class CsvDeviceList {
    static final List<String> HEADER = List.of("name", "host", "user", "password", "tls", "tags");
    private static final char BOM = '\uFEFF';

    // Jackson's default quoting also quotes every value holding a character below '-', among them the
    // single quote that neutralises a formula (see SpreadsheetCells), as OWASP asks.
    private static final ObjectWriter WRITER = CsvMapper.builder().build()
            .writer(CsvSchema.builder().addColumns(HEADER, CsvSchema.ColumnType.STRING).build().withHeader());

    private CsvDeviceList() {
    }

    public static ParsedList parse(String text) throws TransferException {
        return parse(new StringReader(text), TransferSettings.DEFAULTS);
    }

    /** Reads a list from {@code text}, which may start with a byte order mark. */
    public static ParsedList parse(Reader text, TransferSettings limits) throws TransferException {
        Iterator<CsvRecord> records = CsvRecords.read(withoutBom(text), limits).iterator();
        if (!records.hasNext()) {
            throw new TransferException("The CSV file is empty");
        }
        CsvRecord first = records.next();
        if (!(first instanceof CsvRecord.Fields header)) {
            throw new TransferException("Line " + first.line() + ": " + ((CsvRecord.Malformed) first).problem());
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.values().size(); i++) {
            columns.put(header.values().get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("name") || !columns.containsKey("host")) {
            throw new TransferException("Line " + header.line() + ": the CSV header must name the columns "
                    + String.join(",", HEADER));
        }
        List<ParsedList.Entry> entries = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        while (records.hasNext()) {
            switch (records.next()) {
                case CsvRecord.Malformed bad -> rejected.add(new Rejection(bad.line(), bad.problem()));
                case CsvRecord.Fields row -> {
                    String problem = problem(row.values(), header.values().size(), columns);
                    if (problem != null) {
                        rejected.add(new Rejection(row.line(), problem));
                    } else {
                        entries.add(new ParsedList.Entry(row.line(), draft(row.values(), columns)));
                    }
                }
            }
        }
        return new ParsedList(entries, rejected);
    }

    public static String write(List<Device> devices, boolean includePasswords) {
        List<List<String>> rows = new ArrayList<>();
        for (Device d : devices) {
            String password = includePasswords && d.password() != null ? d.password().reveal() : "";
            rows.add(Stream.of(d.name(), d.address(), nullToEmpty(d.user()), password,
                    d.tls() == TlsMode.NONE ? "0" : "1", String.join(";", d.tags()))
                    .map(SpreadsheetCells::neutralise).toList());
        }
        try {
            return WRITER.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV writing failed", e);
        }
    }

    private static Reader withoutBom(Reader text) throws TransferException {
        PushbackReader in = new PushbackReader(text, 1);
        try {
            int first = in.read();
            if (first >= 0 && first != BOM) {
                in.unread(first);
            }
        } catch (UnreadableText e) {
            throw new TransferException("Line 1: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransferException("Cannot read the CSV list: " + e.getMessage(), e);
        }
        return in;
    }

    private static String problem(List<String> cells, int headerSize, Map<String, Integer> columns) {
        if (cells.size() > headerSize) {
            return cells.size() + " fields but the header has " + headerSize;
        }
        String tls = cell(cells, columns, "tls");
        return Flags.tls(tls) == null ? "tls must be 0/1, true/false or yes/no, not '" + tls + "'" : null;
    }

    private static DeviceDraft draft(List<String> cells, Map<String, Integer> columns) {
        return new DeviceDraft(cell(cells, columns, "name"), cell(cells, columns, "host"),
                cell(cells, columns, "user"), cell(cells, columns, "password"),
                Flags.tls(cell(cells, columns, "tls")), Tags.parse(cell(cells, columns, "tags")));
    }

    /**
     * Only spaces are trimmed: a tab or line break in front of {@code =} is kept, so that the cell does
     * not become a formula by import (and the name check refuses the control character).
     */
    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= cells.size() ? "" : SpreadsheetCells.restore(trimSpaces(cells.get(i)));
    }

    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
