package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.CapacityResults;
import org.concurrencybench.report.analysis.ScenarioSummaries;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.charts.ScalingCharts;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;
import org.concurrencybench.report.render.ReportDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's first section, the run's answer for a reader who stops there: the table "Which
 * model for which work" ({@link FirstScreen}), the one chart that shows it (the first workload's
 * models at its most cores), and one line each for the capacity and CPython, which no section
 * below says in a sentence. Each workload's verdicts, the convoy's and the uneven tasks' are said
 * once, in their own sections, with the table behind them.
 */
final class AnswersSection {

    static final String HEADING = "Answers";

    private AnswersSection() {
    }

    /** @return the workload group whose bars chart is shown here (its section leaves it out), if any */
    static Optional<String> add(ReportDocument document, RunResults run, List<WorkloadScaling> scaling, double level,
            ChartSink charts) {
        boolean table = !FirstScreen.rows(scaling).isEmpty();
        FirstScreen.add(document, scaling, level);
        Optional<String> shown = Optional.empty();
        if (table) {
            WorkloadScaling first = scaling.get(0);
            for (ReportChart chart : ScalingCharts.of(first, run.machine().displayName(), run.machine())) {
                if (chart.fileStem().endsWith("-bars")) {
                    document.figure(charts.add(chart));
                    shown = Optional.of(first.group());
                }
            }
        }
        List<String> scenarios = new ArrayList<>();
        CapacityResults.of(run, level).flatMap(AnswersSection::capacity).ifPresent(scenarios::add);
        List<CpythonResults> pythons = CpythonResults.readAll(run.directory());
        pythons.forEach(py -> cpython(run, py, level).map(line -> pythons.size() < 2 ? line
                : line.replaceFirst("^Real CPython", "Real CPython " + py.name())).ifPresent(scenarios::add));
        CpythonSideBySide.answer(run, pythons, level).ifPresent(scenarios::add);
        if (!scenarios.isEmpty() && !table) {
            document.heading(2, HEADING);
        }
        document.bullets(scenarios);
        return shown;
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
