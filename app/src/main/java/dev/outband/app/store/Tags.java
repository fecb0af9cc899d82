package dev.outband.app.store;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Tags as users type them: separated by commas, semicolons or spaces; stored trimmed and de-duplicated. */
public final class Tags {
    private Tags() {
    }

    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[,;\\s]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).toList()));
    }

    public static String join(List<String> tags, String separator) {
        return String.join(separator, tags);
    }
}
