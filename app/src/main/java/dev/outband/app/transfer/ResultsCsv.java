package dev.outband.app.transfer;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A table of results (one row per device) as CSV, its cells kept from running as formulas. */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        ObjectWriter writer = CsvMapper.builder().build()
                .writer(CsvSchema.builder().addColumns(header, CsvSchema.ColumnType.STRING).build().withHeader());
        List<List<String>> cells = rows.stream()
                .map(row -> row.stream().map(c -> SpreadsheetCells.neutralise(c == null ? "" : c)).toList())
                .toList();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.writeValues(out).writeAll(cells);
        }
    }
}
