package org.concurrencybench.report.input;

import org.concurrencybench.results.BenchmarkResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How big an input the report takes, so that its memory and time stay bounded whatever a run
 * folder holds. The report's cost grows with the workload settings it draws (four charts each),
 * not with bytes: a small file of hundreds of settings costs minutes and gigabytes. Beyond a limit
 * the report refuses in one line that names the file and the limit; the suite's own runs stay far
 * below them.
 */
final class InputLimits {

    /** Bytes in one results file: the file is parsed whole. */
    static final long MAX_FILE_BYTES = 16L << 20;
    /** JMH results in one core count's file. */
    static final int MAX_RESULTS_PER_FILE = 2_000;
    /** Distinct workload settings (an even batch's parameters other than the model) in one run: a chart set each. */
    static final int MAX_SETTINGS = 24;

    private InputLimits() {
    }

    /** Refuses a file over {@link #MAX_FILE_BYTES} before reading it. */
    static void checkSize(Path file) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            return; // reading it says what is wrong
        }
        if (bytes > MAX_FILE_BYTES) {
            throw new ReportException(file + ": " + megabytes(bytes) + ", over the report's limit of "
                    + megabytes(MAX_FILE_BYTES) + " for one results file (a run of this suite writes under 1 MB)");
        }
    }

    /** Refuses a core count's file with more than {@link #MAX_RESULTS_PER_FILE} results. */
    static void checkResults(Path file, List<BenchmarkResult> results) {
        if (results.size() > MAX_RESULTS_PER_FILE) {
            throw new ReportException(file + ": " + results.size() + " results, over the report's limit of "
                    + MAX_RESULTS_PER_FILE + " per core count");
        }
    }

    /** Refuses a run whose even model batches come in more than {@link #MAX_SETTINGS} workload settings. */
    static void checkSettings(Path directory, SortedMap<Integer, List<BenchmarkResult>> byCores) {
        Set<Map<String, String>> settings = new HashSet<>();
        byCores.values().forEach(results -> results.stream()
                .filter(r -> r.benchmarkClass().equals(BenchmarkClasses.MODEL) && r.isEvenBatch())
                .forEach(r -> {
                    Map<String, String> setting = new TreeMap<>(r.params());
                    setting.remove("model");
                    settings.add(setting);
                }));
        if (settings.size() > MAX_SETTINGS) {
            throw new ReportException(directory + ": " + settings.size() + " workload settings (parameters other than"
                    + " the model), over the report's limit of " + MAX_SETTINGS + " per run; report a run of fewer");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
    }
}
