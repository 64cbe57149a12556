package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.CapacityResults;
import org.concurrencybench.report.analysis.ConvoyResults;
import org.concurrencybench.report.analysis.ScenarioSummaries;
import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.stats.RatioEstimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's first section: the run's answer for a reader who stops there. Per workload at most
 * three lines ({@link Verdicts#answers}), then one line each for the convoy, capacity, uneven tasks
 * and CPython, where the run has them. Every line is said again, with its table, further down.
 */
final class AnswersSection {

    private AnswersSection() {
    }

    static void add(ReportDocument document, RunResults run, List<WorkloadScaling> scaling, double level) {
        document.heading(2, "Answers");
        document.paragraph("The run's answer in brief; each workload's section below has the table behind it, and"
                + " \"How to read the numbers\" the rules the words follow.");
        for (WorkloadScaling workload : scaling) {
            document.heading(3, workload.group());
            document.bullets(Verdicts.answers(workload));
        }
        List<String> scenarios = new ArrayList<>();
        ConvoyResults.of(run, level).flatMap(AnswersSection::convoy).ifPresent(scenarios::add);
        CapacityResults.of(run, level).flatMap(AnswersSection::capacity).ifPresent(scenarios::add);
        SkewResults.of(run, level).flatMap(AnswersSection::skew).ifPresent(scenarios::add);
        List<CpythonResults> pythons = CpythonResults.readAll(run.directory());
        pythons.forEach(py -> cpython(run, py, level).map(line -> pythons.size() < 2 ? line
                : line.replaceFirst("^Real CPython", "Real CPython " + py.name())).ifPresent(scenarios::add));
        CpythonSideBySide.answer(run, pythons, level).ifPresent(scenarios::add);
        if (!scenarios.isEmpty()) {
            document.heading(3, "Scenarios");
            document.bullets(scenarios);
        }
    }

    /** "Convoy, 2 cores: beside 2 CPU-bound threads an I/O thread's round trips fall 1.11x under A, ...". */
    static Optional<String> convoy(ConvoyResults convoy) {
        List<ScenarioSummaries.ConvoySlowdown> slowdowns = ScenarioSummaries.convoy(convoy);
        if (slowdowns.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = slowdowns.stream().map(s -> Verdicts.times(s.slowdown()) + " fewer under " + s.series()
                + (s.cpuThreads() == slowdowns.get(0).cpuThreads() ? "" : " (beside " + s.cpuThreads() + ")")
                + (tooWide(s.slowdown()) ? " (unreliable: interval wider than \u00b110%)" : "")).toList();
        return Optional.of("Convoy, at " + Numbers.cores(convoy.cores()) + ": one I/O thread's round trips beside "
                + slowdowns.get(0).cpuThreads() + " CPU-bound threads, against alone: " + String.join("; ", parts)
                + ".");
    }

    private static boolean tooWide(RatioEstimate ratio) {
        return !ratio.hasInterval() || (ratio.high() - ratio.low()) / 2 > 0.10 * ratio.value();
    }

    /** "Capacity, 2 cores: SLEEP up to 1000000 tasks (A, B), others 1000-100000; ...; 34 sizes failed or were skipped." */
    static Optional<String> capacity(CapacityResults capacity) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> workload : ScenarioSummaries.capacity(capacity).entrySet()) {
            Map<String, Long> byModel = workload.getValue();
            if (byModel.isEmpty()) {
                continue;
            }
            long most = byModel.values().iterator().next();
            List<String> reaching = byModel.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
                    .toList();
            List<Long> others = byModel.values().stream().filter(v -> v != most).toList();
            String rest = others.isEmpty() ? "" : ", the others up to " + (others.get(others.size() - 1)
                    .equals(others.get(0)) ? others.get(0) : others.get(others.size() - 1) + "\u2013" + others.get(0));
            parts.add(workload.getKey() + " up to " + most + " tasks (" + String.join(", ", reaching) + ")" + rest);
        }
        if (parts.isEmpty() && capacity.outcomes().isEmpty()) {
            return Optional.empty();
        }
        String failed = capacity.outcomes().isEmpty() ? ""
                : (parts.isEmpty() ? "" : "; ") + ScenarioSection.notMeasured(capacity.outcomes());
        return Optional.of("Capacity, at " + Numbers.cores(capacity.cores()) + ", the largest batch each model handled: "
                + String.join("; ", parts) + failed + ".");
    }

    /** "Uneven tasks: " and, per workload, the skew section's verdict for its most uneven spread. */
    static Optional<String> skew(SkewResults skew) {
        List<SkewResults.Verdict> verdicts = ScenarioSummaries.skew(skew);
        if (verdicts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Uneven tasks: " + String.join(" ", verdicts.stream().map(SkewSection::describe).toList()));
    }

    /** "Real CPython beside its simulation, 18 speedups (the baselines not counted): 6 agree within x/÷ 1.10, 4 differ, we cannot tell for 8; ...". */
    static Optional<String> cpython(RunResults run, CpythonResults py, double level) {
        ScenarioSummaries.CpythonTally tally = ScenarioSummaries.cpython(run, py, level);
        if (tally.compared() == 0) {
            return Optional.empty();
        }
        return Optional.of("Real CPython beside its simulation, " + tally.compared() + " speedups (the 1-against-1"
                + " baselines not counted): " + tally.agree() + " agree within " + CpythonSection.tolerance() + ", "
                + tally.differ() + " differ, we cannot tell for " + (tally.compared() - tally.agree() - tally.differ())
                + (tally.flagged().isEmpty() ? ""
                : "; more than 2x apart: " + String.join(", ", tally.flagged())) + ".");
    }
}
