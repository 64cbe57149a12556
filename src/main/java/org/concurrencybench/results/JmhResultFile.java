package org.concurrencybench.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads JMH 1.37's {@code -rf json} files (a run folder's {@code cores-N.json}, one step's file)
 * into {@link JmhResult}s, coping with what JMH really writes: scores as the string {@code "NaN"},
 * no {@code rawData} (after a failed fork), secondary metrics, parameters as strings. Whatever is
 * unreadable becomes a {@link RunFolderException} naming the file (and the entry or field).
 */
public final class JmhResultFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JmhResultFile() {
    }

    /** The results in {@code file}, in JMH's order. */
    public static List<JmhResult> read(Path file) {
        return parse(JsonFile.readTree(file), file);
    }

    /** The results in {@code root}, JMH's array as read from {@code file}. */
    public static List<JmhResult> parse(JsonNode root, Path file) {
        if (!root.isArray()) {
            throw new RunFolderException(file + ": not JMH JSON output (expected an array of benchmark results, found "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT) + ")");
        }
        List<JmhResult> results = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            results.add(entry(entry, file, index++));
        }
        return results;
    }

    /** One entry of JMH's array, the {@code index}th of {@code file}. */
    public static JmhResult entry(JsonNode entry, Path file, int index) {
        JsonNode benchmark = entry.get("benchmark");
        JsonNode primary = entry.get("primaryMetric");
        if (benchmark == null || !benchmark.isTextual() || primary == null || !primary.isObject()) {
            throw new RunFolderException(file + ": entry " + index
                    + " is not a JMH result (it needs \"benchmark\" and \"primaryMetric\")");
        }
        return JsonFile.bind(file, entry, JmhResult.class, MAPPER).withSource(entry);
    }
}
