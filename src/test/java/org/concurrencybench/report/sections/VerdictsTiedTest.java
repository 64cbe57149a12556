package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.concurrencybench.report.analysis.ScalingVerdicts;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.junit.jupiter.api.Test;

/**
 * "Tied" in a run made in rounds: decided on the ratio paired by round, and only when its whole
 * interval lies within the 2% floor; overlapping intervals or an interval holding 1 are not a tie.
 */
class VerdictsTiedTest {

    private static SampleStats cell(double r1, double r2, double r3, boolean rounds) {
        SampleStats stats = SampleStats.of(new double[][] {{r1}, {r2}, {r3}}, 0.95);
        return rounds ? stats.withRoundMeans(Map.of(1, r1, 2, r2, 3, r3)) : stats;
    }

    @Test
    void aRunnerUpSlowerInEveryRoundIsNotTiedThoughThePooledIntervalsOverlap() {
        // The machine drifted 10% a round; the runner-up took 5% longer than the fastest in each round.
        SampleStats fastest = cell(100, 110, 120, true);
        SampleStats runnerUp = cell(105, 115.5, 126, true);
        assertFalse(Verdicts.tied(fastest, runnerUp), "paired: 1.05 in every round");
        assertFalse(Verdicts.tied(cell(100, 110, 120, false), cell(105, 115.5, 126, false)),
                "without rounds the drift widens the interval: we cannot tell, which is no tie");
        assertEquals(org.concurrencybench.report.stats.Decision.Answer.CANNOT_TELL, ScalingVerdicts.decide(
                RatioEstimate.withinRun(cell(105, 115.5, 126, false), cell(100, 110, 120, false))).answer());
    }

    @Test
    void twoModelsTheSameInEveryRoundAreTied() {
        assertTrue(Verdicts.tied(cell(100, 110, 120, true), cell(100.1, 110, 119.9, true)));
    }

    @Test
    void twoModelsOnePercentApartEitherWayFromRoundToRoundAreNotTiedInThreeRounds() {
        // ratios 1.01, 0.991, 1.008: the interval over three rounds reaches beyond 2%: we cannot tell
        assertFalse(Verdicts.tied(cell(100, 110, 120, true), cell(101, 109, 121, true)));
    }
}
