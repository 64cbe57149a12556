package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.concurrencybench.report.analysis.ConvoyResults;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.results.Outcome;
import org.junit.jupiter.api.Test;

/** Known answers for the convoy's findings and the capacity's count of sizes without a number. */
class ScenarioWordsTest {

    private static SampleStats around(double mean, double spread) {
        // five forks (rounds) of one value each: the units an interval rests on
        return SampleStats.of(new double[][] {{mean - spread}, {mean}, {mean + spread}, {mean - spread}, {mean + spread}},
                0.95);
    }

    @Test
    void aConvoyFindingGivesTheRateBesideTheMostThreadsAndTheRoundTripInSwitchIntervals() {
        ConvoyResults convoy = new ConvoyResults(2, List.of(
                new ConvoyResults.Point("GLOBAL_LOCK", "GLOBAL_LOCK, switch 5000 \u00b5s", 0, around(6400, 10)),
                new ConvoyResults.Point("GLOBAL_LOCK", "GLOBAL_LOCK, switch 5000 \u00b5s", 1, around(100, 1)),
                new ConvoyResults.Point("GLOBAL_LOCK", "GLOBAL_LOCK, switch 5000 \u00b5s", 2, around(50, 0.5)),
                new ConvoyResults.Point("THREAD_PER_TASK", "THREAD_PER_TASK", 0, around(6400, 10)),
                new ConvoyResults.Point("THREAD_PER_TASK", "THREAD_PER_TASK", 2, around(6400, 2000))));
        assertEquals(List.of(
                "GLOBAL_LOCK, switch 5000 \u00b5s: 50.0 round trips/s beside 2 CPU-bound threads against 6400 alone, the"
                        + " rate divided by 128; one round trip takes 20.0 ms, 4.00 switch intervals.",
                "THREAD_PER_TASK: 6400 round trips/s beside 2 CPU-bound threads against 6400 alone, the rate divided"
                        + " by 1.00 (unreliable: an interval wider than \u00b110%)."),
                ScenarioSection.convoyFindings(convoy));
    }

    @Test
    void capacitySizesWithoutANumberAreCountedByWhatHappened() {
        Outcome skipped = new Outcome(2, "org.concurrencybench.bench.CapacityBenchmark.batch", Map.of(),
                Outcome.Status.SKIPPED, "predicted too long", null);
        Outcome failed = new Outcome(2, "org.concurrencybench.bench.CapacityBenchmark.batch", Map.of(),
                Outcome.Status.FAILED, "OutOfMemoryError", null);
        assertEquals("34 capacity sizes were skipped", ScenarioSection.notMeasured(java.util.Collections.nCopies(34, skipped)));
        assertEquals("1 capacity size failed and 2 were skipped", ScenarioSection.notMeasured(List.of(failed, skipped, skipped)));
        assertEquals("2 capacity sizes failed", ScenarioSection.notMeasured(List.of(failed, failed)));
    }
}
