package org.concurrencybench.sweep.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Outcome;

/**
 * Gives every cell one JMH invocation planned its state: FAILED if JMH reported a failure for it
 * (any iteration, warm-up included: a number from a benchmark that threw is not a result), else
 * measured if JMH wrote its result, else FAILED for want of a result. So no planned cell vanishes,
 * and nothing that failed is kept as a number.
 */
public final class CellSettlement {

    /** JMH's result entries of the measured cells, and the cells that failed. */
    public record Settled(List<BenchmarkResult> measured, List<Outcome> failed) {
    }

    private CellSettlement() {
    }

    /**
     * @param results         JMH's entries from its {@code -rf json} file
     * @param noResultReason  what to say of a cell with neither a result nor a failure (its own lines' reason)
     */
    public static Settled settle(int cores, List<Cell> planned, List<BenchmarkResult> results, List<JmhConsole.Failure> failures,
                          Function<Cell, String> noResultReason) {
        List<BenchmarkResult> measured = new ArrayList<>();
        List<Outcome> failed = new ArrayList<>();
        List<BenchmarkResult> unclaimed = new ArrayList<>(results);
        for (Cell cell : planned) {
            List<BenchmarkResult> own = unclaimed.stream().filter(r -> cell.matches(r.benchmark(), r.params()))
                    .toList();
            unclaimed.removeAll(own);
            JmhConsole.Failure failure = failures.stream().filter(f -> cell.matches(f.benchmark(), f.params()))
                    .findFirst().orElse(null);
            if (failure != null) {
                failed.add(Outcome.failed(cores, cell, failure.reason()));
            } else if (own.isEmpty()) {
                failed.add(Outcome.failed(cores, cell, noResultReason.apply(cell)));
            } else {
                measured.addAll(own);
            }
        }
        // Entries no planned cell claims (none today) are kept as JMH wrote them, unless they failed.
        for (BenchmarkResult extra : unclaimed) {
            boolean threw = failures.stream().anyMatch(f -> f.benchmark().equals(extra.benchmark())
                    && f.params().equals(extra.params()));
            if (!threw) {
                measured.add(extra);
            }
        }
        return new Settled(measured, failed);
    }
}
