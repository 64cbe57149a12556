package org.concurrencybench.report.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Screens one CPython result file ({@code cpython-cores-N.json}) as {@link CellScreen} screens
 * JMH's: the file is written by another program and may be edited by hand, so an entry without a
 * benchmark or samples is a one-line {@link ReportException} naming the file and the entry, and an
 * entry whose samples are no measurement (negative, zero, 1e308, not a number, too many) moves to
 * the file's {@code failed} list, its reason starting with {@link CellScreen#NOT_MEASURABLE}: the
 * report says why that cell has no number, {@code verify} fails it, and no ratio of it is printed.
 */
final class CpythonScreen {

    private CpythonScreen() {
    }

    static CpythonResults.CoreCount screen(Path file, CpythonResults.CoreCount count) {
        List<CpythonResults.Entry> kept = new ArrayList<>();
        List<CpythonResults.Failed> failed = new ArrayList<>();
        List<CpythonResults.Failed> listed = count.failed() == null ? List.of() : count.failed();
        for (int i = 0; i < listed.size(); i++) {
            CpythonResults.Failed entry = listed.get(i);
            if (entry == null || entry.benchmark() == null) {
                throw new ReportException(file + ": failed[" + i + "] has no benchmark (expected an object with"
                        + " benchmark, params and reason; see docs/cpython.md)");
            }
            failed.add(new CpythonResults.Failed(entry.benchmark(), entry.params() == null ? Map.of() : entry.params(),
                    Objects.requireNonNullElse(entry.reason(), "no reason given")));
        }
        List<CpythonResults.Entry> benchmarks = count.benchmarks() == null ? List.of() : count.benchmarks();
        for (int i = 0; i < benchmarks.size(); i++) {
            CpythonResults.Entry entry = benchmarks.get(i);
            if (entry == null || entry.benchmark() == null || entry.params() == null || entry.primaryMetric() == null
                    || entry.primaryMetric().rawData() == null
                    || entry.primaryMetric().rawData().stream().anyMatch(row -> row == null || row.contains(null))) {
                throw new ReportException(file + ": benchmarks[" + i + "] lacks a benchmark, params or numbers in"
                        + " primaryMetric.rawData (see docs/cpython.md)");
            }
            double[] samples = entry.samples();
            String why = samples.length == 0 ? "no samples"
                    : CellScreen.degenerate(samples, !"thrpt".equals(entry.mode()), entry.primaryMetric().scoreUnit());
            if (why == null) {
                kept.add(entry);
            } else {
                failed.add(new CpythonResults.Failed(entry.benchmark(), entry.params(),
                        CellScreen.NOT_MEASURABLE + why + " in " + file.getFileName()));
            }
        }
        return new CpythonResults.CoreCount(count.format(), count.python(), count.cores(), count.cpus(),
                count.startMethod(), count.cpuUnits(), count.cpuUnitMicros(), count.taskMillisTarget(),
                count.runnerFailure(), List.copyOf(kept), List.copyOf(failed));
    }
}
