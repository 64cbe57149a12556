package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadKind;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.charts.ScalingCharts;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.stats.Interval;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.stats.ScalingFit;

import org.concurrencybench.results.CoreCountLabel;
import org.concurrencybench.results.MachineInfo;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.results.Outcome;

/**
 * One workload's part of a run's report: the verdict, the charts, the table of every model and
 * core count with intervals, and the scaling-law fits.
 */
final class ScalingSection {

    static final List<String> CELL_HEADERS = headers(WorkloadKind.CPU_BOUND);

    /** The mark of a metric left out where it means nothing, explained under the table ({@link #LEFT_OUT_NOTE}). */
    static final String LEFT_OUT = Numbers.ABSENT + "\u00b9";

    static final String LEFT_OUT_NOTE = "\u00b9 Left out: efficiency, Karp-Flatt and the scaling-law fits mean"
            + " something only for CPU-bound work (CPU, MEMORY, CONTENDED) under a model that can run a task per core"
            + " (THREAD_PER_TASK, FIXED_POOL, FORK_JOIN, VIRTUAL_THREADS, PROCESS_POOL, PROCESS_PER_TASK); see"
            + " \"How to read the numbers\".";

    /** The table's headers: waits (SLEEP, IO) report an overlap factor, not a speedup. */
    static List<String> headers(WorkloadKind kind) {
        String ratio = kind == WorkloadKind.WAITS ? "overlap factor" : "speedup";
        return List.of("model", "cores", "time per batch (ms) [CI]", "n", ratio + " vs SEQUENTIAL, same cores [CI]",
                ratio + " vs SEQUENTIAL, 1 core [CI]", "efficiency [CI]", "Karp-Flatt serial fraction", "reliability");
    }

    private ScalingSection() {
    }

    /**
     * @param notMeasured   this workload's model cells that FAILED or were SKIPPED: rows of their
     *                      own in the table, with the reason and no number
     * @param machine       the run's machine: its core counts' labels ("12 (+8 E)") and where the
     *                      hardware changes (lines in the charts, named in the verdicts)
     */
    static void add(ReportDocument document, WorkloadScaling workload, String runName, ChartSink charts,
                    List<Outcome> notMeasured, MachineInfo machine) {
        document.heading(2, "Workload " + workload.group());
        WorkloadNotes.of(workload.group()).ifPresent(document::paragraph);
        document.bullets(Verdicts.of(workload, machine.pinning().cpuLayout() == null ? List.of() : machine.pinning().cpuLayout().boundaries()));
        WorkloadKind kind = WorkloadKind.of(workload.group());
        for (ReportChart chart : ScalingCharts.of(workload, runName, machine)) {
            if (kind == WorkloadKind.CPU_BOUND || !chart.fileStem().endsWith("-efficiency")) {
                document.figure(charts.add(chart));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (String model : workload.models()) {
            workload.series(model).forEach(cell -> rows.add(cellRow(cell, machine.coreLabel(cell.cores()),
                    kind.perCoreMetrics(model))));
        }
        for (Outcome outcome : notMeasured) {
            List<String> row = new ArrayList<>(List.of(outcome.model(), Integer.toString(outcome.cores()),
                    outcome.status().name()));
            while (row.size() < CELL_HEADERS.size() - 1) {
                row.add(Numbers.ABSENT);
            }
            row.add(outcome.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + outcome.reason());
            rows.add(row);
        }
        document.table(workload.group() + ": every model and core count", headers(kind), rows);
        boolean leftOut = workload.models().stream().anyMatch(model -> !kind.perCoreMetrics(model));
        if (leftOut) {
            document.paragraph(LEFT_OUT_NOTE);
        }
        List<List<String>> fits = fitRows(workload, kind, oneRound(workload));
        if (!fits.isEmpty()) {
            document.table(workload.group() + ": scaling laws fitted to throughput (batches/s) against cores",
                    List.of("model", "law", "lambda, batches/s at 1 core (\u00b1 CI)", "sigma, contention (\u00b1 CI)",
                            "kappa, coherency (\u00b1 CI)", "throughput peaks at cores", "R\u00b2", "core counts", "note"),
                    fits);
        }
        if (fits.isEmpty() && kind != WorkloadKind.CPU_BOUND) {
            return; // no fit is meant for this work: the note above says why
        }
        if (workload.cores().size() < ScalingFit.Law.USL.parameters + 1) {
            document.paragraph("Scaling laws need at least " + (ScalingFit.Law.AMDAHL.parameters + 1)
                    + " core counts (Amdahl) or " + (ScalingFit.Law.USL.parameters + 1) + " (USL); this workload has "
                    + workload.cores().size() + ", so some or all fits are left out.");
        }
    }

    static List<String> cellRow(ScalingCell cell) {
        return cellRow(cell, CoreCountLabel.of(cell.cores(), 0), true);
    }

    /** @param perCoreMetrics whether efficiency and Karp-Flatt mean something here; else {@link #LEFT_OUT} */
    static List<String> cellRow(ScalingCell cell, String coresLabel, boolean perCoreMetrics) {
        SampleStats time = cell.time();
        return List.of(cell.model(), coresLabel,
                Numbers.withInterval(time.mean(), time.low(), time.high()), Integer.toString(time.n()),
                ratio(cell.speedupSameCores()), ratio(cell.speedupOverOneCore()),
                perCoreMetrics ? ratio(cell.efficiency()) : LEFT_OUT,
                perCoreMetrics ? Numbers.format(cell.karpFlatt()) : LEFT_OUT,
                (cell.reliable() ? "ok" : "unreliable: " + cell.unreliable())
                        + (cell.roundsNote() == null ? "" : "; " + cell.roundsNote()));
    }

    private static String ratio(RatioEstimate ratio) {
        return Numbers.withInterval(ratio.value(), ratio.low(), ratio.high());
    }

    /** Whether every cell of the workload rests on one unit (a one-round run): then no interval is printed. */
    static boolean oneRound(WorkloadScaling workload) {
        return workload.models().stream().flatMap(m -> workload.series(m).stream()).allMatch(c -> c.time().units() <= 1);
    }

    private static List<List<String>> fitRows(WorkloadScaling workload, WorkloadKind kind, boolean oneRound) {
        List<List<String>> rows = new ArrayList<>();
        for (String model : workload.models().stream().filter(kind::perCoreMetrics).toList()) {
            ScalingFit amdahl = workload.amdahlFits().get(model);
            ScalingFit uslFit = workload.uslFits().get(model);
            if (!amdahl.fitted() && !uslFit.fitted() && amdahl.note().equals(uslFit.note())
                    && amdahl.points() >= amdahl.law().parameters + 1) {
                // one reason for both laws (throughput does not grow): one line
                rows.add(List.of(model, amdahl.law().label + ", " + uslFit.law().label, Numbers.ABSENT, Numbers.ABSENT,
                        Numbers.ABSENT, Numbers.ABSENT, Numbers.ABSENT, Integer.toString(amdahl.points()),
                        "not fitted: " + amdahl.note()));
                continue;
            }
            for (ScalingFit fit : List.of(amdahl, uslFit)) {
                if (!fit.fitted() && fit.points() < fit.law().parameters + 1) {
                    continue; // said once, below the table
                }
                if (!fit.fitted()) {
                    rows.add(List.of(model, fit.law().label, Numbers.ABSENT, Numbers.ABSENT, Numbers.ABSENT,
                            Numbers.ABSENT, Numbers.ABSENT, Integer.toString(fit.points()), "not fitted: " + fit.note()));
                    continue;
                }
                boolean usl = fit.law() == ScalingFit.Law.USL;
                rows.add(List.of(model, fit.law().label, interval(fit.lambda(), fit.lambdaCi(), oneRound),
                        interval(fit.sigma(), fit.sigmaCi(), oneRound), usl ? interval(fit.kappa(), fit.kappaCi(), oneRound) : "0 (by definition)",
                        usl ? Numbers.format(fit.peakCores()) : "\u221e", Numbers.format(fit.rSquared()),
                        Integer.toString(fit.points()), fit.rSquared() < 0.9 ? "poor fit (R\u00b2 < 0.9)" : ""));
            }
        }
        return rows;
    }

    /**
     * "0.0210 \u00b1 0.0150": a fitted parameter with the half-width of its (symmetric, Wald) interval.
     * Not "[low, high]": a parameter such as sigma may lie at or below zero, where a time or a ratio
     * cannot, and the report's brackets are kept for those. No interval where the cells have one
     * unit each (a one-round run ranks, it does not estimate).
     */
    private static String interval(double value, Interval ci, boolean oneRound) {
        if (oneRound || !ci.present() || !Double.isFinite(value)) {
            return Numbers.format(value);
        }
        return Numbers.format(value) + " \u00b1 " + Numbers.format((ci.high() - ci.low()) / 2);
    }
}
