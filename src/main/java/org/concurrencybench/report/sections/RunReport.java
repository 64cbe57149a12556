package org.concurrencybench.report.sections;

import org.concurrencybench.report.input.WorkloadGroups;
import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.report.analysis.CapacityResults;
import org.concurrencybench.report.analysis.ConvoyResults;
import org.concurrencybench.report.analysis.JvmStartResults;
import org.concurrencybench.report.analysis.ScalingAnalysis;
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

/** Builds the document of one run: machine, method, warnings, one section per workload, scenarios. */
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
        AnswersSection.add(document, run, scaling, level);
        MachineSection.add(document, List.of(run));
        addMethod(document, level);
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
                    .filter(o -> workload.group().equals(WorkloadGroups.of(o.params()))).toList(), run.machine());
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

    static void addMethod(ReportDocument document, double level) {
        document.heading(2, "How to read the numbers");
        document.bullets(List.of(
                "Time per batch: one batch is all of a workload's tasks submitted to the model and joined. Values are"
                        + " the mean of JMH's raw iteration values, all forks pooled, with a " + Numbers.percent(level)
                        + " Student-t confidence interval in brackets.",
                "Speedup: SEQUENTIAL's mean time over the model's, at the same core count and against SEQUENTIAL at 1"
                        + " core. In a run made in rounds its interval comes from the ratio of the two cells' means in"
                        + " each round (paired: a drift of the machine cancels); in an older run it is the delta-method"
                        + " interval of a ratio of two means (Welch-Satterthwaite degrees of freedom), at the same level. For waits (SLEEP, IO) the same ratio is named the"
                        + " overlap factor: how many waits overlapped, not parallel work.",
                "Which metric where: efficiency (speedup over 1-core SEQUENTIAL divided by cores, 1.0 = perfect),"
                        + " Karp-Flatt (the experimentally determined serial fraction (1/S - 1/p)/(1 - 1/p); rising with"
                        + " cores means overhead grows with cores) and the Amdahl/USL fits are shown only for CPU-bound"
                        + " work (CPU, MEMORY, CONTENDED) under a model that can run a task per core (THREAD_PER_TASK,"
                        + " FIXED_POOL, FORK_JOIN, VIRTUAL_THREADS, PROCESS_POOL, PROCESS_PER_TASK). MIXED (CPU work and"
                        + " waits) and your own tasks (USER, of unknown kind) get speedups but not these; elsewhere they"
                        + " show " + Numbers.ABSENT + "\u00b9.",
                "Fits: throughput X(p) = lambda p / (1 + sigma (p-1) + kappa p (p-1)) by Levenberg-Marquardt,"
                        + " least squares on throughput as R's usl package does (report --fit relative: relative"
                        + " residuals); Amdahl is kappa = 0 (sigma = serial fraction). The USL's throughput peaks at"
                        + " sqrt((1 - sigma)/kappa) cores. Intervals from the fit's covariance. No fit for a model"
                        + " whose throughput does not grow from its fewest cores to the next. Every fit is in fits.csv.",
                "Unreliable, for every cell, SEQUENTIAL's included: fewer than " + ScalingAnalysis.MIN_SAMPLES
                        + " samples, an interval wider than the mean, or a speedup interval (same cores or over 1 core)"
                        + " wider than \u00b110% of the speedup. Such cells are shown, marked, and a verdict that rests"
                        + " on one says so.",
                "Verdicts: two times differ only when the interval of their ratio excludes 1 and the ratio is more"
                        + " than " + Numbers.percent(ScalingVerdicts.SAME_WITHIN) + " from 1; otherwise the fastest model"
                        + " and the runner-up are tied. Adding cores pays while each doubling buys at least "
                        + Numbers.percent(ScalingVerdicts.PAYING_GAIN) + " more throughput; a model whose speedup at"
                        + " its most cores is below 1 and differs is slower than SEQUENTIAL, whatever it gains with"
                        + " cores. Models that share a verdict share a line."));
    }
}
