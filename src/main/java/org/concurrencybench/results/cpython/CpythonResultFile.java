package org.concurrencybench.results.cpython;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.JsonFile;
import org.concurrencybench.results.JsonMapping;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;

/**
 * Reads one file of the CPython companion ({@code python/cpybench}): a core count's results, in the
 * shape docs/cpython.md documents, its benchmarks bound into the suite's one {@link BenchmarkResult}.
 * A file of another shape (a JMH array, another program's JSON), or a benchmark without its name,
 * parameters or numbers, is a one-line {@link RunFolderException} naming the file (and the entry).
 */
public final class CpythonResultFile {

    /** The interpreter: {@code build} is {@code gil} or {@code free-threaded}. */
    public record Python(String executable, String version, String implementation, String build) {
        public boolean freeThreaded() {
            return "free-threaded".equals(build);
        }
    }

    /** A benchmark that did not give a result, with the runner's reason. */
    public record Failed(String benchmark, Map<String, String> params, String reason) {

        /** How the companion begins the reason of a form its interpreter lacks (python/cpybench/interpreters.py). */
        public static final String UNAVAILABLE_PREFIX = "not available in CPython ";

        /** Whether this is a form the interpreter lacks (an interpreter pool before 3.13): not a failure. */
        public boolean unavailable() {
            return unavailable(reason);
        }

        /** Whether {@code reason} says the form is not available, the round it came from named or not ("round 1: ..."). */
        public static boolean unavailable(String reason) {
            return reason != null && reason.replaceFirst("^round \\d+: ", "").startsWith(UNAVAILABLE_PREFIX);
        }
    }

    /**
     * One file: {@code runnerFailure} is set (and the rest empty) when the runner itself failed;
     * {@code benchmarks} in a file pooled from rounds name the round of each trial.
     */
    public record CoreCount(String format, Python python, int cores, String cpus, String startMethod, Integer cpuUnits,
                            Double cpuUnitMicros, Double taskMillisTarget, String runnerFailure,
                            List<BenchmarkResult> benchmarks, List<Failed> failed) {
    }

    private CpythonResultFile() {
    }

    /** The file, checked for the documented shape. */
    public static CoreCount read(Path file) {
        JsonNode tree = JsonFile.readTree(file);
        if (!tree.isObject() || !RunFolder.CPYTHON_FORMAT.equals(tree.path("format").asText())
                || !tree.path("benchmarks").isArray()) {
            throw new RunFolderException(file + ": not a CPython result file (expected an object with \"format\": \""
                    + RunFolder.CPYTHON_FORMAT + "\" and a \"benchmarks\" array; see docs/cpython.md)");
        }
        int index = 0;
        for (JsonNode entry : tree.path("benchmarks")) {
            if (!complete(entry)) {
                throw new RunFolderException(file + ": benchmarks[" + index + "] lacks a benchmark, params or numbers in"
                        + " primaryMetric.rawData (see docs/cpython.md)");
            }
            index++;
        }
        try {
            return JsonMapping.mapper().treeToValue(tree, CoreCount.class);
        } catch (JsonProcessingException e) {
            throw new RunFolderException(file + ": not a CPython result file: " + e.getOriginalMessage());
        }
    }

    /** The CPU units per task a file records (the companion's calibration); null where it has none. */
    public static Integer cpuUnits(Path file) {
        JsonNode units = JsonFile.readTree(file).path("cpuUnits");
        return units.canConvertToInt() && units.asInt() > 0 ? units.asInt() : null;
    }

    /** Whether an entry has what a result needs: its name, parameters, and rows of numbers (nulls are no numbers). */
    private static boolean complete(JsonNode entry) {
        JsonNode raw = entry.path("primaryMetric").path("rawData");
        if (!entry.hasNonNull("benchmark") || !entry.hasNonNull("params") || !raw.isArray()) {
            return false;
        }
        for (JsonNode row : raw) {
            if (row.isNull()) {
                return false;
            }
            for (JsonNode value : row) {
                if (value.isNull()) {
                    return false;
                }
            }
        }
        return true;
    }
}
