package org.concurrencybench.report.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.cpython.CpythonResultFile.CoreCount;
import org.concurrencybench.results.cpython.CpythonResultFile.Failed;

/**
 * Screens one CPython result file ({@code cpython-cores-N.json}) as {@link CellScreen} screens
 * JMH's: the file is written by another program and may be edited by hand. An entry without a
 * benchmark or numbers is refused by its reader ({@link org.concurrencybench.results.cpython.CpythonResultFile});
 * an entry whose samples are no measurement (negative, zero, 1e308, not a number, too many) moves to
 * the file's {@code failed} list, its reason starting with {@link CellScreen#NOT_MEASURABLE}: the
 * report says why that cell has no number, {@code verify} fails it, and no ratio of it is printed.
 */
final class CpythonScreen {

    private CpythonScreen() {
    }

    static CoreCount screen(Path file, CoreCount count) {
        List<BenchmarkResult> kept = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        List<Failed> listed = count.failed() == null ? List.of() : count.failed();
        for (int i = 0; i < listed.size(); i++) {
            Failed entry = listed.get(i);
            if (entry == null || entry.benchmark() == null) {
                throw new ReportException(file + ": failed[" + i + "] has no benchmark (expected an object with"
                        + " benchmark, params and reason; see docs/cpython.md)");
            }
            failed.add(new Failed(entry.benchmark(), entry.params() == null ? Map.of() : entry.params(),
                    Objects.requireNonNullElse(entry.reason(), "no reason given")));
        }
        for (BenchmarkResult entry : count.benchmarks() == null ? List.<BenchmarkResult>of() : count.benchmarks()) {
            String why = !entry.primary().hasRawData() ? "no samples"
                    : CellScreen.degenerate(rawValues(entry), !"thrpt".equals(entry.mode()), entry.primary().unit());
            if (why == null) {
                kept.add(entry);
            } else {
                failed.add(new Failed(entry.benchmark(), entry.params(),
                        CellScreen.NOT_MEASURABLE + why + " in " + file.getFileName()));
            }
        }
        return new CoreCount(count.format(), count.python(), count.cores(), count.cpus(), count.startMethod(),
                count.cpuUnits(), count.cpuUnitMicros(), count.taskMillisTarget(), count.runnerFailure(),
                List.copyOf(kept), List.copyOf(failed));
    }

    /** Every value the companion wrote, NaNs included: a value that is not a number is no measurement. */
    private static double[] rawValues(BenchmarkResult entry) {
        return entry.primary().rawData().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }
}
