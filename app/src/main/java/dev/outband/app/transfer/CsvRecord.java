package dev.outband.app.transfer;

import java.util.List;

/** One record of a CSV file, numbered by the line it starts on (a quoted field may span lines). */
sealed interface CsvRecord {
    int line();

    record Fields(int line, List<String> values) implements CsvRecord {
        public Fields {
            values = List.copyOf(values);
        }
    }

    record Malformed(int line, String problem) implements CsvRecord {
    }
}
