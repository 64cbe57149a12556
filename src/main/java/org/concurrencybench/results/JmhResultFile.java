package org.concurrencybench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads JMH 1.37's {@code -rf json} files (a run folder's {@code cores-N.json}, one step's file)
 * into {@link BenchmarkResult}s, coping with what JMH really writes: scores as the string {@code "NaN"},
 * no {@code rawData} (after a failed fork), secondary metrics, parameters as strings. Whatever is
 * unreadable becomes a {@link RunFolderException} naming the file (and the entry or field).
 */
public final class JmhResultFile {

    /** One entry: the result, and the entry as JMH wrote it, so that a file the sweep gathers stays JMH's own. */
    record Entry(BenchmarkResult result, ObjectNode source) {
    }

    private JmhResultFile() {
    }

    /** The results in {@code file}, in JMH's order. */
    public static List<BenchmarkResult> read(Path file) {
        return entries(file).stream().map(Entry::result).toList();
    }

    /** The entries in {@code file}, each with JMH's own. */
    static List<Entry> entries(Path file) {
        JsonNode root = JsonFile.readTree(file);
        if (!root.isArray()) {
            throw new RunFolderException(file + ": not JMH JSON output (expected an array of benchmark results, found "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT) + ")");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            entries.add(new Entry(entry(entry, file, index++), (ObjectNode) entry));
        }
        return entries;
    }

    /** One entry of JMH's array, the {@code index}th of {@code file}. */
    public static BenchmarkResult entry(JsonNode entry, Path file, int index) {
        JsonNode benchmark = entry.get("benchmark");
        JsonNode primary = entry.get("primaryMetric");
        if (benchmark == null || !benchmark.isTextual() || primary == null || !primary.isObject()) {
            throw new RunFolderException(file + ": entry " + index
                    + " is not a JMH result (it needs \"benchmark\" and \"primaryMetric\")");
        }
        return JsonFile.bind(file, entry, BenchmarkResult.class);
    }
}
