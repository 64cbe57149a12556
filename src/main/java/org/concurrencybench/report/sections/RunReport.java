package org.concurrencybench.report.sections;

import org.concurrencybench.report.input.WorkloadGroups;
import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.report.analysis.CapacityResults;
import org.concurrencybench.report.analysis.ConvoyResults;
import org.concurrencybench.report.analysis.JvmStartResults;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.WorkloadKind;
import org.concurrencybench.report.analysis.ScalingVerdicts;
import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.report.analysis.SteadyState;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;

import java.util.List;
import java.util.Optional;

/**
 * Builds the document of one run: first what a reader needs before scrolling (warnings, one line
 * about the run, which model for which work and its chart), then the machine, one section per
 * workload (its verdicts, charts and table), the scenarios. Each claim is said once: the first
 * table answers, the sections hold the verdicts, tables and charts behind it, and the rules of
 * reading live in docs/report.md, not in every report.
 */
public final class RunReport {

    private RunReport() {
    }

    public static ReportDocument build(RunResults run, List<WorkloadScaling> scaling, double level, List<String> warnings,
            ChartSink charts) {
        String name = run.machine().displayName();
        ReportDocument document = new ReportDocument((run.machine().rehearsalRun()
                ? "Rehearsal (not a measurement): concurrency models on " : "Concurrency models on ") + name);
        BusyMachineWarning.of(run.machine()).ifPresent(document::paragraph);
        Provenance.warnings(List.of(run.machine())).forEach(document::paragraph);
        Completeness.add(document, run);
        if (oneRound(scaling)) {
            document.paragraph(ONE_ROUND);
        }
        document.paragraph(FirstScreen.runLine(run.machine(), List.copyOf(new java.util.TreeSet<>(run.byCores().keySet()))));
        Optional<String> barsShown = AnswersSection.add(document, run, scaling, level, charts);
        MachineSection.add(document, List.of(run));
        if (!warnings.isEmpty()) {
            document.heading(2, "Warnings");
            document.bullets(warnings);
        }
        List<CpythonResults> cpython = CpythonResults.readAll(run.directory());
        if (scaling.isEmpty() && cpython.isEmpty()) {
            document.paragraph("This run has no " + BenchmarkClasses.MODEL + " results.");
        }
        for (WorkloadScaling workload : scaling) {
            ScalingSection.add(document, workload, name, charts, run.outcomes().stream()
                    .filter(o -> o.benchmarkClass().equals(BenchmarkClasses.MODEL))
                    .filter(o -> workload.group().equals(WorkloadGroups.of(o.params()))).toList(), run.machine(),
                    barsShown.filter(workload.group()::equals).isPresent());
        }
        SkewResults.of(run, level).ifPresent(skew -> SkewSection.add(document, skew, name, charts));
        cpython.forEach(py -> CpythonSection.add(document, run, py, level, name, charts));
        CpythonSideBySide.add(document, run, cpython, level);
        Optional<ConvoyResults> convoy = ConvoyResults.of(run, level);
        convoy.ifPresent(results -> ScenarioSection.addConvoy(document, results, name, charts));
        Optional<CapacityResults> capacity = CapacityResults.of(run, level);
        capacity.ifPresent(results -> ScenarioSection.addCapacity(document, results, name, charts));
        if (!scaling.isEmpty()) { // a yardstick for PROCESS_PER_TASK's cells: none in a CPython-only run
            JvmStartResults.of(run, level).ifPresent(results -> ScenarioSection.addJvmStart(document, results));
        }
        SteadyStateSection.add(document, SteadyState.of(run, ScalingVerdicts.SAME_WITHIN, level), ScalingVerdicts.SAME_WITHIN);
        Completeness.addShortCells(document, run.machine().rounds());
        Completeness.addNotMeasured(document, run);
        return document;
    }

    /** Said once near the top of a run whose every cell has one round (a first look: --quick, --smoke). */
    static final String ONE_ROUND = "One round: a ranking only. Every cell was measured in one round (one fork), and an"
            + " interval needs at least two, so this report prints no interval and decides nothing beyond the order:"
            + " every verdict below is \"we cannot tell (no interval)\". Run with --min-rounds 3 or more for verdicts.";

    /** Whether every cell of the run's scaling results rests on one unit (round, else fork). */
    static boolean oneRound(List<WorkloadScaling> scaling) {
        return !scaling.isEmpty() && scaling.stream().allMatch(ScalingSection::oneRound);
    }

    /** The rules of reading, for the comparison report; a run's report leaves them to docs/report.md. */
    static void addMethod(ReportDocument document, double level) {
        document.heading(2, "How to read the numbers");
        document.bullets(List.of(
                "Time per batch: one batch is all of a workload's tasks submitted to the model and joined. Values are"
                        + " the mean of JMH's raw iteration values; the " + Numbers.percent(level) + " Student-t"
                        + " confidence interval in brackets is over the cell's round means (one fork per round; in an"
                        + " older run, its fork means), on the log scale, so no bound reaches zero. Iterations are"
                        + " never the replicates: a cell of one round has no interval.",
                "Speedup: SEQUENTIAL's mean time over the model's, at the same core count and against SEQUENTIAL at 1"
                        + " core. In a run made in rounds its interval comes from the ratio of the two cells' means in"
                        + " each round they both ran (paired: a drift of the machine cancels; where the two ran"
                        + " different rounds, the cell's row says from how many); in an older run it is the interval"
                        + " of a ratio of two means over their forks on the log scale (Welch-Satterthwaite degrees of"
                        + " freedom), at the same level. For waits (SLEEP, IO) the same ratio is named the"
                        + " overlap factor: how many waits overlapped, not parallel work.",
                "Which metric where: efficiency (speedup over 1-core SEQUENTIAL divided by cores, 1.0 = perfect),"
                        + " Karp-Flatt (the experimentally determined serial fraction (1/S - 1/p)/(1 - 1/p); rising with"
                        + " cores means overhead grows with cores) and the Amdahl/USL fits are shown only for CPU-bound"
                        + " work (CPU, MEMORY, CONTENDED) under a model that can run a task per core ("
                        + String.join(", ", WorkloadKind.PER_CORE_MODELS) + "), not under "
                        + String.join(", ", WorkloadKind.PROCESS_START_DOMINATED) + " (its batch is mostly process"
                        + " start-up), and a serial fraction only within [0, 1]. MIXED (CPU work and"
                        + " waits) and your own tasks (USER, of unknown kind) get speedups but not these; elsewhere they"
                        + " show " + Numbers.ABSENT + "\u00b9 (" + Numbers.ABSENT + "\u00b2: a serial fraction outside"
                        + " [0, 1]).",
                "Fits: throughput X(p) = lambda p / (1 + sigma (p-1) + kappa p (p-1)) by Levenberg-Marquardt,"
                        + " least squares on throughput as R's usl package does (report --fit relative: relative"
                        + " residuals); Amdahl is kappa = 0 (sigma = serial fraction). The USL's throughput peaks at"
                        + " sqrt((1 - sigma)/kappa) cores. Intervals from the fit's covariance. No fit for a model"
                        + " whose throughput does not grow from its fewest cores to the next. Parameters are printed"
                        + " \u00b1 the half-width of their interval (a parameter may lie at or below zero, a time or"
                        + " a ratio cannot). Every fit is in fits.csv.",
                "Unreliable, for every cell, SEQUENTIAL's included: fewer than " + ScalingAnalysis.MIN_SAMPLES
                        + " samples, an interval wider than the mean, or a speedup interval (same cores or over 1 core)"
                        + " wider than \u00b110% of the speedup. Such cells are shown, marked, and a verdict that rests"
                        + " on one says so.",
                "Verdicts have three answers, read off the interval of a ratio against a noise floor of "
                        + Numbers.percent(ScalingVerdicts.SAME_WITHIN) + " (x/\u00f7 " + Numbers.format(1
                        + ScalingVerdicts.SAME_WITHIN) + "): changed (faster, slower, a cost, a loss) when the whole"
                        + " interval lies beyond the floor; the same (\"tied\", \"none\", \"loses nothing\") when"
                        + " it lies within it; otherwise we cannot tell, and why (no interval, an interval wider than"
                        + " the floor's band, or one straddling a bound). Adding cores still pays while each doubling's"
                        + " throughput gain has its whole interval above +" + Numbers.percent(ScalingVerdicts.PAYING_GAIN)
                        + ", stops paying when it lies wholly below, and otherwise we cannot tell; a model whose"
                        + " speedup at its most cores lies wholly below the floor is slower than SEQUENTIAL, whatever"
                        + " it gains with cores. Models that share a verdict share a line."));
    }
}
