package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The "fastest model" verdict compresses runs of core counts into one phrase. */
class VerdictsTest {

    /** Two models; {@code fasterAt} lists the core counts where B beats A. */
    private static WorkloadScaling workload(List<Integer> cores, List<Integer> fasterAt) {
        Map<String, Map<Integer, ScalingCell>> cells = new LinkedHashMap<>();
        for (String model : List.of("FIXED_POOL", "VIRTUAL_THREADS")) {
            Map<Integer, ScalingCell> byCores = new TreeMap<>();
            for (int count : cores) {
                boolean wins = model.equals("VIRTUAL_THREADS") == fasterAt.contains(count);
                double mean = wins ? 10 : 20;
                SampleStats time = SampleStats.of(new double[] {mean * 0.99, mean, mean * 1.01}, 0.95);
                byCores.put(count, new ScalingCell("CPU", model, count, time, RatioEstimate.ABSENT,
                        RatioEstimate.ABSENT, RatioEstimate.ABSENT, Double.NaN, null));
            }
            cells.put(model, byCores);
        }
        return new WorkloadScaling("CPU", List.copyOf(cells.keySet()), new TreeSet<>(cores), cells, Map.of(), Map.of(),
                false, false);
    }

    @Test
    void oneWinnerEverywhereIsOnePhrase() {
        assertEquals("FIXED_POOL is fastest at every core count from 1 to 32.",
                Verdicts.fastest(workload(List.of(1, 2, 4, 8, 16, 32), List.of())));
    }

    @Test
    void winnersChangeInRuns() {
        assertEquals("FIXED_POOL is fastest from 1 to 4 cores; VIRTUAL_THREADS from 8 to 32 cores.",
                Verdicts.fastest(workload(List.of(1, 2, 4, 8, 16, 32), List.of(8, 16, 32))));
        assertEquals("VIRTUAL_THREADS is fastest at 1 core; FIXED_POOL at 2 and 4 cores.",
                Verdicts.fastest(workload(List.of(1, 2, 4), List.of(1))));
    }
}
