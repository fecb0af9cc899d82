package dev.outband.app.transfer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text (RFC 4180 quoting) into records with Jackson. A malformed record is reported and
 * reading goes on after it, so one bad row never costs the good ones; blank lines are no records.
 */
final class CsvRecords {
    private static final CsvMapper CSV = new CsvMapper();

    private CsvRecords() {
    }

    static List<CsvRecord> read(String text) throws TransferException {
        List<CsvRecord> records = new ArrayList<>();
        try (JsonParser p = CSV.reader().with(CsvParser.Feature.WRAP_AS_ARRAY).createParser(text)) {
            p.nextToken(); // WRAP_AS_ARRAY: the file is one array of rows
            while (p.nextToken() == JsonToken.START_ARRAY) {
                // The parser now stands on the row's first character; the token location still names the previous row.
                int line = p.currentLocation().getLineNr();
                try {
                    List<String> values = values(p);
                    if (!(values.size() == 1 && values.getFirst().isBlank())) {
                        records.add(new CsvRecord.Fields(line, values));
                    }
                } catch (JacksonException e) {
                    records.add(new CsvRecord.Malformed(line, problem(e, text)));
                    skipRestOfRow(p);
                }
            }
        } catch (IOException e) {
            throw new TransferException("Cannot read the CSV list: " + e.getMessage(), e);
        }
        return records;
    }

    private static List<String> values(JsonParser p) throws IOException {
        List<String> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            values.add(p.getText());
        }
        return values;
    }

    /** Jackson resumes after a bad character; only the row's remaining values are to be dropped. */
    private static void skipRestOfRow(JsonParser p) throws IOException {
        while (true) {
            try {
                JsonToken token = p.nextToken();
                if (token == JsonToken.END_ARRAY || token == null) {
                    return;
                }
            } catch (JacksonException e) {
                // a second bad character in the same row goes with the row
            }
        }
    }

    private static String problem(JacksonException e, String text) {
        JsonLocation at = e.getLocation();
        String problem = e.getOriginalMessage() + " (line " + at.getLineNr() + ")";
        // An unclosed quote swallows everything after it: the parser gives up at the file's last character.
        boolean endOfFile = at.getCharOffset() >= text.stripTrailing().length() - 1;
        return endOfFile ? problem + "; the rest of the file was not read" : problem;
    }
}
