package org.concurrencybench.report.sections;

import org.concurrencybench.report.input.WorkloadGroups;
import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.analysis.CpythonComparison.Finding;
import org.concurrencybench.report.charts.CpythonCharts;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;

import org.concurrencybench.results.CpythonPairing;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.results.cpython.CpythonResultFile;

/**
 * The report's "real CPython beside the simulation" part: a section per workload with the speedup
 * chart (CPython's forms solid, their paired JVM models dashed, in the model's colour) and the table
 * of {@link CpythonComparison.SpeedupRow}s, a row per form and a column per core count; then the
 * convoy's table and chart. A form the interpreter lacks is one sentence, not rows of "skipped".
 */
final class CpythonSection {

    private CpythonSection() {
    }

    static void add(ReportDocument document, RunResults run, CpythonResults py, double level, String runName,
                    ChartSink charts) {
        document.heading(2, "Real CPython" + named(py) + " beside the simulation");
        document.paragraph(introduction(py));
        List<String> lacking = lacking(run, py, level);
        if (!lacking.isEmpty()) {
            document.paragraph(String.join(" ", lacking));
        }
        for (String workload : py.workloads()) {
            List<CpythonComparison.SpeedupRow> rows = CpythonComparison.speedups(run, py, workload, level);
            addWorkload(document, rows, workload, runName, charts, py.asyncioCalls(workload), py.label());
            List<String> why = CpythonGaps.explain(run, py, workload, rows, level);
            if (!why.isEmpty()) {
                document.bullets(why); // the introduction says the reasons come under the table
            }
        }
        addConvoy(document, CpythonComparison.convoy(run, py, level), py, runName, charts);
        addFailures(document, py);
    }

    /** " 3.13t" for one interpreter of several (its label), "" for the only one. */
    private static String named(CpythonResults py) {
        return py.label() == null ? "" : " " + py.label();
    }

    private static String introduction(CpythonResults py) {
        CpythonResultFile.CoreCount first = py.byCores().values().stream().filter(c -> c.runnerFailure() == null)
                .findFirst().orElse(py.byCores().values().iterator().next());
        String python = py.python().map(p -> p.implementation() + " " + p.version() + (p.freeThreaded()
                ? " (free-threaded: its threads are paired with the free JVM models, THREAD_PER_TASK and FIXED_POOL)"
                : " (with the GIL)")).orElse("CPython (its runner failed before naming itself)");
        return python + " ran the same batches under the same CPU affinity at each core count: "
                + (first.cpuUnits() == null ? "" : first.cpuUnits() + " CPU units per task (calibrated so that one"
                        + " Python task lasts about " + Numbers.format(first.taskMillisTarget() == null ? Double.NaN
                        : first.taskMillisTarget()) + " ms, as one JVM task), ")
                + (first.startMethod() == null ? "" : "processes started by '" + first.startMethod() + "'. ")
                + "Each form is paired with the suite model of its"
                + " shape; speedups are over each side's own sequential code at " + Numbers.cores(py.byCores().firstKey())
                + ". Ratio = CPython's speedup / the simulation's, with the interval of both speedups' log"
                + " half-widths in quadrature. It 'agrees' when the whole interval lies within " + tolerance()
                + " (the same, to that tolerance), 'differs' when the whole interval lies beyond it, and otherwise"
                + " we cannot tell, with the reason; the sequential baseline against itself (1 against 1) is not"
                + " counted; more than "
                + Numbers.format(CpythonComparison.FLAG_FACTOR) + "x apart, the reason is given under the table from"
                + " this run's own figures. A figure whose interval is wider than " + widest() + " is called unreliable,"
                + " as in the scaling tables.";
    }

    private static void addWorkload(ReportDocument document, List<CpythonComparison.SpeedupRow> rows, String workload,
                                    String runName, ChartSink charts, java.util.Optional<String> asyncioCalls,
                                    String label) {
        String named = label == null ? "" : " " + label;
        document.heading(3, "CPython" + named + " and the simulation: " + workload);
        asyncioCalls.ifPresent(calls -> document.paragraph("Your function (--python-task), called FUNCTION(seed) per"
                + " task in every form. Under asyncio it was " + (calls.equals("awaited")
                ? "awaited: an async def, so its awaits let the other tasks of the batch run."
                : "called on the loop: a plain function, so while it runs no other task of the batch can, and any"
                + " blocking call inside it stalls them all.")));
        document.figure(charts.add(CpythonCharts.speedupChart(rows, workload, runName, label)));
        List<Integer> cores = rows.stream().map(CpythonComparison.SpeedupRow::cores).distinct().sorted().toList();
        java.util.Map<String, List<CpythonComparison.SpeedupRow>> byForm = new java.util.LinkedHashMap<>();
        rows.forEach(row -> byForm.computeIfAbsent(row.form(), f -> new ArrayList<>()).add(row));
        List<List<String>> table = new ArrayList<>();
        byForm.forEach((form, ofForm) -> {
            if (ofForm.stream().allMatch(CpythonSection::unavailable)) {
                return; // said once, in a sentence above the tables
            }
            List<String> line = new ArrayList<>(List.of(form, ofForm.get(0).model()));
            for (int n : cores) {
                line.add(ofForm.stream().filter(r -> r.cores() == n).findFirst().map(CpythonSection::cell)
                        .orElse(Numbers.ABSENT));
            }
            table.add(line);
        });
        List<String> headers = new ArrayList<>(List.of("CPython form", "JVM model"));
        cores.forEach(n -> headers.add(Numbers.cores(n) + ": CPython / JVM speedup [CI], ratio [CI], verdict"));
        document.table(null, headers, table); // the heading above names it
    }

    /** A form and core count in one cell: both speedups, their ratio and the verdict; the baseline by construction. */
    static String cell(CpythonComparison.SpeedupRow row) {
        if (row.finding() instanceof Finding.Baseline) {
            return "1 against 1, the baseline";
        }
        if (!(row.finding() instanceof Finding.Compared)) {
            return verdict(row);
        }
        return interval(row.cpython()) + " / " + interval(row.jvm()) + ", " + interval(row.ratio()) + ": "
                + verdict(row);
    }

    private static boolean unavailable(CpythonComparison.SpeedupRow row) {
        return row.finding() instanceof Finding.CpythonUnavailable;
    }

    /**
     * One sentence per form the interpreter lacks at every core count of every workload ("InterpreterPoolExecutor
     * (FIXED_POOL's counterpart): not available in CPython 3.11 (...)"), the round it was found in left out.
     */
    static List<String> lacking(RunResults run, CpythonResults py, double level) {
        java.util.Map<String, List<CpythonComparison.SpeedupRow>> byForm = new java.util.LinkedHashMap<>();
        for (String workload : py.workloads()) {
            CpythonComparison.speedups(run, py, workload, level)
                    .forEach(row -> byForm.computeIfAbsent(row.form(), f -> new ArrayList<>()).add(row));
        }
        List<String> sentences = new ArrayList<>();
        byForm.forEach((form, rows) -> {
            if (rows.stream().allMatch(CpythonSection::unavailable)) {
                sentences.add(form + " (" + rows.get(0).model() + "'s counterpart): "
                        + unavailableReason(rows.get(0)) + ".");
            }
        });
        return sentences;
    }

    /** "not available in CPython 3.11 (...)", without the "round 1: " the pooled file puts before it. */
    static String unavailableReason(CpythonComparison.SpeedupRow row) {
        return ((Finding.CpythonUnavailable) row.finding()).reason().replaceFirst("^round \\d+: ", "");
    }

    private static void addConvoy(ReportDocument document, List<CpythonComparison.ConvoyRow> convoy, CpythonResults py,
                                  String runName, ChartSink charts) {
        if (!convoy.isEmpty()) {
            document.heading(3, "CPython" + named(py) + " and the simulation: convoy");
            document.paragraph("Round trips per second of one thread beside k CPU-bound threads, and the slowdown factor"
                    + " (round trips alone / beside k), CPython's own GIL against "
                    + CpythonPairing.convoyModel(py.freeThreaded()) + ", per core count and switch interval.");
            document.figure(charts.add(CpythonCharts.convoyChart(convoy, runName, py.label())));
            List<Integer> threads = convoy.stream().map(CpythonComparison.ConvoyRow::cpuThreads).distinct().sorted()
                    .toList();
            java.util.Map<String, List<CpythonComparison.ConvoyRow>> bySetting = new java.util.LinkedHashMap<>();
            convoy.forEach(row -> bySetting.computeIfAbsent(row.cores() + " " + row.switchMicros(),
                    k -> new ArrayList<>()).add(row));
            List<List<String>> table = new ArrayList<>();
            bySetting.values().forEach(rows -> {
                List<String> line = new ArrayList<>(List.of(Integer.toString(rows.get(0).cores()),
                        Integer.toString(rows.get(0).switchMicros())));
                for (int k : threads) {
                    line.add(rows.stream().filter(r -> r.cpuThreads() == k).findFirst().map(CpythonSection::cell)
                            .orElse(Numbers.ABSENT));
                }
                table.add(line);
            });
            List<String> headers = new ArrayList<>(List.of("cores", "switch \u00b5s"));
            threads.forEach(k -> headers.add(k == 0 ? "alone: CPython / JVM round trips/s [CI]"
                    : "beside " + k + ": CPython / JVM round trips/s [CI]; slowdown CPython / JVM; ratio [CI]: verdict"));
            document.table(null, headers, table); // the heading above names it
        }
    }

    /** A convoy setting beside k CPU-bound threads in one cell; alone, the two rates (the reference). */
    static String cell(CpythonComparison.ConvoyRow row) {
        String rates = stats(row.cpython()) + " / " + stats(row.jvm());
        if (row.finding() instanceof Finding.Reference) {
            return rates;
        }
        return rates + "; " + interval(row.cpythonSlowdown()) + " / " + interval(row.jvmSlowdown()) + "; "
                + interval(row.ratio()) + ": " + verdict(row);
    }

    private static void addFailures(ReportDocument document, CpythonResults py) {
        List<String> failures = new ArrayList<>();
        py.byCores().forEach((cores, count) -> {
            if (count.runnerFailure() != null) {
                failures.add(Numbers.cores(cores) + ": the runner FAILED: " + count.runnerFailure());
            }
            count.failed().stream().filter(f -> !Finding.CpythonUnavailable.is(f.reason())).forEach(f -> failures.add(Numbers.cores(cores) + ": " + f.benchmark() + " " + f.params()
                    + " FAILED: " + f.reason()));
        });
        if (!failures.isEmpty()) {
            document.paragraph("CPython benchmarks that failed:");
            document.bullets(failures);
        }
    }

    /** A batch row's verdict in words. */
    static String verdict(CpythonComparison.SpeedupRow row) {
        return switch (row.finding()) {
            case Finding.CpythonFailed failed -> "FAILED (CPython): " + failed.reason();
            case Finding.CpythonMissing missing -> "SKIPPED: CPython did not run " + row.form();
            case Finding.CpythonUnavailable unavailable -> "SKIPPED: " + unavailable.reason();
            case Finding.JvmMissing missing -> WorkloadGroups.isUser(row.workload())
                    ? "CPython only: a --python-task has no JVM counterpart"
                    : "SKIPPED: the JVM did not run " + row.model();
            case Finding.NoBaseline none -> "no sequential baseline at " + Numbers.cores(none.cores());
            case Finding.Reference reference -> "reference (alone)";
            case Finding.Baseline baseline -> "the baseline: 1 against 1 by construction, not counted";
            case Finding.Compared compared -> compared(compared, row.cpython(), row.jvm());
        };
    }

    /** A convoy row's verdict in words. */
    static String verdict(CpythonComparison.ConvoyRow row) {
        return switch (row.finding()) {
            case Finding.JvmMissing missing -> "SKIPPED: the JVM did not run the convoy at " + Numbers.cores(row.cores());
            case Finding.Reference reference -> "reference (alone)";
            case Finding.Compared compared -> compared(compared, row.cpythonSlowdown(), row.jvmSlowdown());
            default -> throw new IllegalStateException("not a convoy finding: " + row.finding());
        };
    }

    /**
     * "agrees: the same within x/÷ 1.10" (the whole interval within the tolerance); "differs" with by
     * how much (the whole interval beyond it), beyond {@link CpythonComparison#FLAG_FACTOR} pointing
     * to the reason under the table; else "we cannot tell (REASON)" with the ratio. A figure whose
     * interval is too wide to rely on is named.
     */
    static String compared(Finding.Compared compared, RatioEstimate cpython, RatioEstimate jvm) {
        RatioEstimate ratio = compared.ratio();
        if (!ratio.present()) {
            return Numbers.ABSENT;
        }
        double r = ratio.value();
        String by = r >= 1 ? "CPython's is " + Numbers.format(r) + "x the simulation's"
                : "CPython's is 1/" + Numbers.format(1 / r) + " of the simulation's";
        String flag = compared.flagged() ? "; more than " + Numbers.format(CpythonComparison.FLAG_FACTOR)
                + "x apart, why under the table" : "";
        String verdict = compared.agrees() ? "agrees: the same within " + tolerance()
                : compared.differs() ? "differs: " + by + flag
                : "we cannot tell (" + compared.decision().reason() + "): " + by + flag;
        List<String> wide = new ArrayList<>();
        if (CpythonComparison.tooWide(cpython)) {
            wide.add("CPython's");
        }
        if (CpythonComparison.tooWide(jvm)) {
            wide.add("the JVM's");
        }
        return wide.isEmpty() ? verdict : verdict + "; unreliable: " + String.join(" and ", wide)
                + (wide.size() == 1 ? " interval is" : " intervals are") + " wider than " + widest();
    }

    /** The widest interval a reliable figure may have: "±10%". */
    static String widest() {
        return "\u00b1" + Math.round(CpythonComparison.RELIABLE_HALF_WIDTH * 100) + "%";
    }

    /** The tolerance as the report states it: "x/÷ 1.10". */
    static String tolerance() {
        return "x/\u00f7 " + Numbers.format(CpythonComparison.TOLERANCE);
    }

    private static String interval(RatioEstimate r) {
        return r.present() ? Numbers.withInterval(r.value(), r.low(), r.high()) : Numbers.ABSENT;
    }

    private static String stats(SampleStats s) {
        return s == null ? Numbers.ABSENT : Numbers.withInterval(s.mean(), s.low(), s.high());
    }
}
