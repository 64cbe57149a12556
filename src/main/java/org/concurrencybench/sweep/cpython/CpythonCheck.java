package org.concurrencybench.sweep.cpython;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.cpython.CpythonResultFile;

/**
 * The CPython part of the sweep's {@code RunCheck}: every CPython cell the companion listed as failed (a user's
 * {@code --python-task} function that raised or exited, a form that broke) and every core count
 * whose runner failed is a FAILED cell with its reason, so the sweep's summary counts it, its exit
 * code is 3 and {@code verify} fails, as for the JVM's cells.
 *
 * @param measured the CPython benchmarks with a number, over the core counts that have a file
 * @param failed   those listed as failed, plus one per core count whose runner failed
 * @param problems one line per failed cell, with its reason
 */
public record CpythonCheck(int measured, int failed, List<String> problems) {

    /** The parameters that tell a CPython cell from its neighbours, as the console shows them. */
    private static final Set<String> SHOWN = Set.of("form", "workload", "task", "cpuThreads", "switchIntervalMicros");

    /** The run's CPython files checked; null when the run has none. */
    public static CpythonCheck of(RunFolder folder) {
        List<CpythonResults> all = CpythonResults.readAll(folder.dir());
        if (all.isEmpty()) {
            return null;
        }
        int measured = 0;
        List<String> problems = new java.util.ArrayList<>();
        for (CpythonResults results : all) {
            measured += of(results, problems);
        }
        return new CpythonCheck(measured, problems.size(), List.copyOf(problems));
    }

    /** One interpreter's files: its measured count; its failed cells added to {@code problems}. */
    private static int of(CpythonResults results, List<String> problems) {
        int measured = 0;
        for (Map.Entry<Integer, CpythonResultFile.CoreCount> count : results.byCores().entrySet()) {
            String where = "cores=" + count.getKey() + " CPython" + (results.label() == null ? "" : " " + results.label());
            CpythonResultFile.CoreCount file = count.getValue();
            if (file.runnerFailure() != null) {
                problems.add(where + ": FAILED: " + file.runnerFailure());
            }
            measured += file.benchmarks() == null ? 0 : file.benchmarks().size();
            for (CpythonResultFile.Failed failed : file.failed() == null ? List.<CpythonResultFile.Failed>of() : file.failed()) {
                if (failed.unavailable()) {
                    continue; // a form this interpreter lacks (an interpreter pool before 3.13): not a failure
                }
                problems.add(where + " " + label(failed) + ": FAILED: " + failed.reason());
            }
        }
        return measured;
    }

    private static String label(CpythonResultFile.Failed failed) {
        Map<String, String> params = failed.params() == null ? Map.of() : failed.params();
        String shown = new TreeMap<>(params).entrySet().stream().filter(e -> SHOWN.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        String benchmark = failed.benchmark() == null ? "(no benchmark named)" : failed.benchmark();
        return shown.isEmpty() ? benchmark : benchmark + " " + shown;
    }

    /** The summary's clause about CPython. */
    public String clause() {
        return String.format("; CPython: %d of %d measured, %d failed", measured, measured + failed, failed);
    }
}
