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
import org.concurrencybench.report.stats.ScalingFit;

import org.concurrencybench.results.MachineInfo;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.results.Outcome;

/**
 * One workload's part of a run's report: the verdict, the charts, the table of every model and
 * core count with intervals, and the scaling-law fits.
 */
final class ScalingSection {

    /** The mark of a metric left out where it means nothing, explained under the table ({@link #LEFT_OUT_NOTE}). */
    static final String LEFT_OUT = Numbers.ABSENT + "\u00b9";

    static final String LEFT_OUT_NOTE = "\u00b9 Left out: efficiency, Karp-Flatt and the scaling-law fits mean"
            + " something only for CPU-bound work (CPU, MEMORY, CONTENDED) under a model that can run a task per core"
            + " (" + String.join(", ", WorkloadKind.PER_CORE_MODELS) + "); not under "
            + String.join(", ", WorkloadKind.PROCESS_START_DOMINATED) + ", whose batch is mostly process start-up.";

    /** The mark of a Karp-Flatt serial fraction outside [0, 1], explained under the table ({@link #NOT_A_FRACTION_NOTE}). */
    static final String NOT_A_FRACTION = Numbers.ABSENT + "\u00b2";

    static final String NOT_A_FRACTION_NOTE = "\u00b2 Left out: a Karp-Flatt serial fraction outside [0, 1] is no"
            + " fraction of the work: below 0 the speedup over 1 core exceeds the cores (super-linear), above 1 the"
            + " model is slower than SEQUENTIAL at 1 core.";

    /** The table's legend for its unreliable cells, and the mark on the verdicts above that rest on one. */
    static final String UNRELIABLE_NOTE = "Unreliable (and " + FirstScreen.UNRELIABLE_MARK + " on a verdict above):"
            + " fewer than " + org.concurrencybench.report.analysis.ScalingAnalysis.MIN_SAMPLES + " samples, an interval"
            + " wider than the mean, or a speedup interval wider than \u00b110% of the speedup.";

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
        add(document, workload, runName, charts, notMeasured, machine, false);
    }

    /** @param barsAbove whether the first screen shows this workload's bars chart already (said once: not again here) */
    static void add(ReportDocument document, WorkloadScaling workload, String runName, ChartSink charts,
                    List<Outcome> notMeasured, MachineInfo machine, boolean barsAbove) {
        document.heading(2, "Workload " + workload.group());
        WorkloadNotes.of(workload.group()).ifPresent(document::paragraph);
        document.bullets(Verdicts.of(workload, machine.pinning().cpuLayout() == null ? List.of() : machine.pinning().cpuLayout().boundaries()));
        WorkloadKind kind = WorkloadKind.of(workload.group());
        for (ReportChart chart : ScalingCharts.of(workload, runName, machine)) {
            if ((kind == WorkloadKind.CPU_BOUND || !chart.fileStem().endsWith("-efficiency"))
                    && !(barsAbove && chart.fileStem().endsWith("-bars"))) {
                document.figure(charts.add(chart));
            }
        }
        boolean perCoreColumn = workload.models().stream().anyMatch(kind::perCoreMetrics);
        List<List<String>> rows = ScalingTable.rows(workload, kind, machine, notMeasured, perCoreColumn);
        document.table(workload.group() + ": every model and core count",
                ScalingTable.headers(workload, kind, machine, notMeasured, perCoreColumn), rows);
        java.util.Optional<String> legend = legend(document, workload, kind, rows);
        List<List<String>> fits = fitRows(workload, kind, oneRound(workload));
        String tooFewCores = workload.cores().size() >= ScalingFit.Law.USL.parameters + 1
                || (fits.isEmpty() && kind != WorkloadKind.CPU_BOUND) ? null // no fit is meant: the note says why
                : "Scaling laws need at least " + (ScalingFit.Law.AMDAHL.parameters + 1) + " core counts (Amdahl) or "
                        + (ScalingFit.Law.USL.parameters + 1) + " (USL); this workload has " + workload.cores().size()
                        + ", so some or all fits are left out.";
        if (fits.isEmpty()) {
            // no fits table: what is left out, and why, in the one line under the table
            String under = java.util.stream.Stream.of(legend.orElse(null), tooFewCores).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining(" "));
            if (!under.isEmpty()) {
                document.paragraph(under);
            }
            return;
        }
        legend.ifPresent(document::paragraph);
        document.table(workload.group() + ": scaling laws fitted to throughput (batches/s) against cores",
                List.of("model", "law", "lambda, batches/s at 1 core (\u00b1 CI)", "sigma, contention (\u00b1 CI)",
                        "kappa, coherency (\u00b1 CI)", "throughput peaks at cores", "R\u00b2", "core counts", "note"),
                fits);
        if (tooFewCores != null) {
            document.paragraph(tooFewCores);
        }
    }

    /** The one line under the table that decodes its marks: the left-out metrics and the unreliable cells. */
    static java.util.Optional<String> legend(ReportDocument document, WorkloadScaling workload, WorkloadKind kind,
                                             List<List<String>> rows) {
        List<String> parts = new ArrayList<>();
        if (workload.models().stream().anyMatch(model -> !kind.perCoreMetrics(model))) {
            parts.add(whereLeftOutNoteIs(document).map(group -> "\u00b9 Efficiency, Karp-Flatt and the scaling-law fits"
                    + " left out as under " + group + "'s table.").orElse(LEFT_OUT_NOTE));
        }
        if (rows.stream().flatMap(List::stream).anyMatch(cell -> cell.contains(NOT_A_FRACTION))) {
            parts.add(NOT_A_FRACTION_NOTE);
        }
        if (workload.models().stream().flatMap(m -> workload.series(m).stream()).anyMatch(c -> !c.reliable())) {
            parts.add(UNRELIABLE_NOTE);
        }
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(" ", parts));
    }

    /** The workload whose table carries the full {@link #LEFT_OUT_NOTE} already, if one does: said once a report. */
    private static java.util.Optional<String> whereLeftOutNoteIs(ReportDocument document) {
        String group = null;
        for (ReportDocument.Block block : document.blocks()) {
            if (block instanceof ReportDocument.Heading heading && heading.level() == 2) {
                group = heading.text().replaceFirst("^Workload ", "");
            } else if (block instanceof ReportDocument.Paragraph paragraph && paragraph.text().contains(LEFT_OUT_NOTE)) {
                return java.util.Optional.ofNullable(group);
            }
        }
        return java.util.Optional.empty();
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
