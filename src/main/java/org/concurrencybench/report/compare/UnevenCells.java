package org.concurrencybench.report.compare;

import org.concurrencybench.report.input.BenchmarkClasses;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.input.WorkloadGroups;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The uneven-task cells of two runs (a task-size spread, Pool.map's chunks, largest first), which a
 * comparison does not pair: they are measured at one core count for the skew section of each run's
 * own report, not as scaling curves. Named here so that the comparison says which it leaves out, in
 * both runs or in one only, instead of dropping them without a word.
 *
 * @param both  the cells both runs hold
 * @param onlyA the cells only run A holds
 * @param onlyB the cells only run B holds
 */
public record UnevenCells(SortedSet<String> both, SortedSet<String> onlyA, SortedSet<String> onlyB) {

    /** The uneven cells of {@code a} and {@code b}, each named "WORKLOAD MODEL spread=… at N cores". */
    public static UnevenCells of(RunResults a, RunResults b) {
        SortedSet<String> inA = of(a);
        SortedSet<String> inB = of(b);
        SortedSet<String> both = new TreeSet<>(inA);
        both.retainAll(inB);
        SortedSet<String> onlyA = new TreeSet<>(inA);
        onlyA.removeAll(inB);
        SortedSet<String> onlyB = new TreeSet<>(inB);
        onlyB.removeAll(inA);
        return new UnevenCells(both, onlyA, onlyB);
    }

    public boolean isEmpty() {
        return both.isEmpty() && onlyA.isEmpty() && onlyB.isEmpty();
    }

    private static SortedSet<String> of(RunResults run) {
        SortedSet<String> cells = new TreeSet<>();
        run.byCores().forEach((cores, results) -> {
            for (BenchmarkResult result : results) {
                if (result.benchmarkClass().equals(BenchmarkClasses.MODEL) && !result.isEvenBatch()) {
                    cells.add(name(result, cores));
                }
            }
        });
        return cells;
    }

    private static String name(BenchmarkResult result, int cores) {
        StringBuilder name = new StringBuilder(WorkloadGroups.of(result.params())).append(' ')
                .append(result.param("model", "?"));
        for (String param : List.of("spread", "chunksize", "order")) {
            String value = result.param(param, null);
            boolean even = value == null || switch (param) {
                case "spread" -> value.equals("NONE");
                case "chunksize" -> value.equals(BenchmarkResult.EVEN_CHUNKSIZE);
                default -> value.equals(BenchmarkResult.EVEN_ORDER);
            };
            if (!even) {
                name.append(' ').append(param).append('=').append(value);
            }
        }
        return name.append(" at ").append(cores).append(cores == 1 ? " core" : " cores").toString();
    }
}
