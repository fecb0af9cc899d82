package dev.outband.app.transfer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams CSV text (RFC 4180 quoting) into records with Jackson. A malformed record is reported and
 * reading goes on after it, so one bad row never costs the good ones; blank lines are no records.
 */
final class CsvRecords {
    private static final String UNCLOSED_QUOTE = "Missing closing quote";

    private CsvRecords() {
    }

    static List<CsvRecord> read(Reader text, TransferSettings limits) throws TransferException {
        CsvMapper csv = new CsvMapper(CsvFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(limits.maxFieldChars()).build()).build());
        List<CsvRecord> records = new ArrayList<>();
        int line = 1;
        try (JsonParser p = csv.reader().with(CsvParser.Feature.WRAP_AS_ARRAY).createParser(text)) {
            p.nextToken(); // WRAP_AS_ARRAY: the file is one array of rows
            while (p.nextToken() == JsonToken.START_ARRAY) {
                // The parser now stands on the row's first character; the token location still names the previous row.
                line = p.currentLocation().getLineNr();
                try {
                    List<String> values = values(p);
                    if (!(values.size() == 1 && values.getFirst().isBlank())) {
                        records.add(new CsvRecord.Fields(line, values));
                    }
                } catch (StreamConstraintsException e) {
                    throw e;
                } catch (JacksonException e) {
                    records.add(new CsvRecord.Malformed(line, problem(e)));
                    skipRestOfRow(p);
                }
            }
        } catch (StreamConstraintsException e) {
            throw new TransferException("Line " + line + ": field longer than " + limits.maxFieldChars()
                    + " characters (setting maxFieldChars); nothing was imported", e);
        } catch (UnreadableText e) {
            throw new TransferException("Line " + line + ": " + e.getMessage() + "; nothing was imported", e);
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
            } catch (StreamConstraintsException e) {
                throw e;
            } catch (JacksonException e) {
                // a second bad character in the same row goes with the row
            }
        }
    }

    private static String problem(JacksonException e) {
        JsonLocation at = e.getLocation();
        String problem = e.getOriginalMessage() + (at == null ? "" : " (line " + at.getLineNr() + ")");
        // Jackson finds a quote unclosed only at the end of the file: it swallowed everything after it.
        boolean endOfFile = e.getOriginalMessage().startsWith(UNCLOSED_QUOTE);
        return endOfFile ? problem + "; the rest of the file was not read" : problem;
    }
}
