package org.concurrencybench.report.analysis;

import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.RatioEstimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-line answers of a run's scenarios, for the report's "Answers": how far the convoy cuts an
 * I/O thread's round trips, how many tasks each model handled in the capacity runs, which model
 * loses least and most to uneven tasks, and how often real CPython agrees with its simulation.
 * Read from the scenario results as they are ({@link ConvoyResults}, {@link CapacityResults},
 * {@link SkewResults}, {@link CpythonComparison}); the words are {@code sections.AnswersSection}'s.
 */
public final class ScenarioSummaries {

    private ScenarioSummaries() {
    }

    /** One convoy series: round trips alone over beside the most CPU-bound threads measured. */
    public record ConvoySlowdown(String series, int cpuThreads, RatioEstimate slowdown) {
    }

    /** Per series, its slowdown beside the most CPU-bound threads it ran with; series without a run alone left out. */
    public static List<ConvoySlowdown> convoy(ConvoyResults convoy) {
        List<ConvoySlowdown> slowdowns = new ArrayList<>();
        for (String series : convoy.seriesNames()) {
            List<ConvoyResults.Point> points = convoy.points().stream().filter(p -> p.series().equals(series)).toList();
            Optional<ConvoyResults.Point> alone = points.stream().filter(p -> p.cpuThreads() == 0).findFirst();
            Optional<ConvoyResults.Point> most = points.stream().max(Comparator.comparingInt(ConvoyResults.Point::cpuThreads));
            if (alone.isPresent() && most.isPresent() && most.get().cpuThreads() > 0) {
                slowdowns.add(new ConvoySlowdown(series, most.get().cpuThreads(), RatioEstimate.withinRun(
                        alone.get().roundTripsPerSecond(), most.get().roundTripsPerSecond())));
            }
        }
        return slowdowns;
    }

    /** Per capacity workload, the largest batch each model was measured at, most tasks first. */
    public static Map<String, Map<String, Long>> capacity(CapacityResults capacity) {
        Map<String, Map<String, Long>> largest = new LinkedHashMap<>();
        for (String workload : capacity.workloads()) {
            Map<String, Long> byModel = new LinkedHashMap<>();
            capacity.points().stream().filter(p -> p.workload().equals(workload))
                    .sorted(Comparator.comparingLong(CapacityResults.Point::tasks).reversed())
                    .forEach(p -> byModel.putIfAbsent(p.model(), p.tasks()));
            largest.put(workload, byModel);
        }
        return largest;
    }

    /** Per workload with uneven batches, the verdict for its most uneven spread. */
    public static List<SkewResults.Verdict> skew(SkewResults skew) {
        List<SkewResults.Verdict> verdicts = new ArrayList<>();
        for (String workload : skew.times().keySet()) {
            List<SkewResults.Verdict> all = skew.verdicts(workload);
            if (!all.isEmpty()) {
                verdicts.add(all.get(all.size() - 1));
            }
        }
        return verdicts;
    }

    /**
     * How the compared CPython speedups came out: compared (the 1-against-1 baselines are not),
     * agreeing (the same within the tolerance), differing (changed beyond it), beyond the flag factor
     * (and which); the rest could not be told.
     */
    public record CpythonTally(int compared, int agree, int differ, List<String> flagged) {
    }

    public static CpythonTally cpython(RunResults run, CpythonResults py, double level) {
        List<CpythonComparison.SpeedupRow> rows = new ArrayList<>();
        for (String workload : py.workloads()) {
            rows.addAll(CpythonComparison.speedups(run, py, workload, level));
        }
        return cpython(rows);
    }

    /** The tally of these rows: only {@link CpythonComparison.Finding.Compared} ones count, each by its decision. */
    public static CpythonTally cpython(List<CpythonComparison.SpeedupRow> rows) {
        int compared = 0;
        int agree = 0;
        int differ = 0;
        List<String> flagged = new ArrayList<>();
        for (CpythonComparison.SpeedupRow row : rows) {
            if (row.finding() instanceof CpythonComparison.Finding.Compared c) {
                compared++;
                agree += c.agrees() ? 1 : 0;
                differ += c.differs() ? 1 : 0;
                String name = row.form() + " (" + row.workload() + ")";
                if (c.flagged() && !flagged.contains(name)) {
                    flagged.add(name);
                }
            }
        }
        return new CpythonTally(compared, agree, differ, flagged);
    }
}
