package org.concurrencybench.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.concurrencybench.report.analysis.SteadyState;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;

/**
 * The run's steady state in the report: one line on the whole run's warm-up (the median first
 * over last measured iteration, the share of forks whose first was the slower) and a table of the
 * cells whose forks were still warming up ({@link SteadyState}), whose times then carry the trend.
 * Nothing where no fork had two measured iterations.
 */
final class SteadyStateSection {

    /** The parameters that tell a cell apart; the rest are the workloads' sizes, alike in every cell. */
    private static final List<String> NAMING = List.of("model", "workload", "task", "tasks", "spread", "chunksize",
            "cpuThreads", "switchIntervalMicros");

    /** Values every even batch has: named only where a cell differs. */
    private static final List<String> USUAL = List.of("chunksize=1", "spread=NONE",
            "tasks=" + org.concurrencybench.bench.BenchmarkDefaults.BATCH_TASKS);

    private SteadyStateSection() {
    }

    static void add(ReportDocument document, SteadyState steady, double floor) {
        if (steady.forks() == 0) {
            return;
        }
        document.heading(2, "Steady state");
        String summary = String.format(Locale.ROOT, "Over the run's %d forks, the first measured iteration was"
                + " slower than the last in %s of them, by a median of %s (a fork at steady state: about half,"
                + " and about 0%%).", steady.forks(), Numbers.percent(steady.firstSlower()),
                Numbers.signedPercent(steady.medianChange() * 100));
        if (steady.cells().isEmpty()) {
            document.paragraph(summary + " No cell's forks trended beyond " + Numbers.percent(floor)
                    + " from their first measured iteration to their last.");
            return;
        }
        document.paragraph(summary + " " + steady.cells().size() + (steady.cells().size() == 1 ? " cell was" : " cells were")
                + " not at steady state: over their forks, the first measured iteration's time over the last's lies wholly beyond "
                + Numbers.percent(floor) + ", so its time carries its warm-up.");
        // One line per benchmark and core count, its cells with their first / last: a row each repeats both.
        java.util.Map<String, List<String>> byBenchmark = new java.util.LinkedHashMap<>();
        for (SteadyState.Trend trend : steady.cells()) {
            byBenchmark.computeIfAbsent(Numbers.cores(trend.cores()) + ", " + trend.benchmark(), k -> new ArrayList<>())
                    .add(trend.params().entrySet().stream()
                    .filter(e -> NAMING.contains(e.getKey()) && !e.getValue().isEmpty() && !USUAL.contains(e.toString()))
                    .filter(e -> !e.getKey().equals("switchIntervalMicros") || trend.benchmark().startsWith("Convoy"))
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")) + ": " + Numbers.withInterval(trend.firstOverLast().value(),
                            trend.firstOverLast().low(), trend.firstOverLast().high()));
        }
        document.paragraph("Not at steady state, first / last measured iteration, in time:");
        document.bullets(byBenchmark.entrySet().stream().map(e -> e.getKey() + ": " + String.join("; ", e.getValue()))
                .toList());
    }
}
