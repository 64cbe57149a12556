package org.concurrencybench.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.concurrencybench.report.stats.RoundPrecision;
import org.junit.jupiter.api.Test;

class StoppingRuleTest {

    /** How a synthetic run ended: its last decision and the rounds it ran. */
    private record Ending(StoppingRule.Decision decision, int rounds) {
    }

    /**
     * Runs synthetic rounds of one cell whose round means scatter by {@code noise} (relative) about
     * 100 ms, each round taking {@code roundMillis}, until the rule stops it.
     */
    private static Ending run(StoppingRule rule, double noise, long roundMillis) {
        Random random = new Random(1);
        List<Double> means = new ArrayList<>();
        for (int round = 1; ; round++) {
            means.add(100 * (1 + noise * random.nextGaussian()));
            double halfWidth = RoundPrecision.relativeHalfWidth(means, 0.95);
            StoppingRule.Decision decision = rule.after(round, List.of(halfWidth), round * roundMillis, roundMillis);
            if (decision != StoppingRule.Decision.CONTINUE) {
                return new Ending(decision, round);
            }
        }
    }

    /**
     * Runs rounds of one cell whose spread between rounds is exactly {@code spread} (relative) as seen
     * after every round: its half-width after n rounds is t(0.975; n-1) * spread / sqrt(n).
     */
    private static Ending steady(StoppingRule rule, double spread, long roundMillis) {
        for (int round = 1; ; round++) {
            double halfWidth = round < 2 ? Double.POSITIVE_INFINITY
                    : new org.apache.commons.math3.distribution.TDistribution(round - 1).inverseCumulativeProbability(0.975)
                            * spread / Math.sqrt(round);
            StoppingRule.Decision decision = rule.after(round, List.of(halfWidth), round * roundMillis, roundMillis);
            if (decision != StoppingRule.Decision.CONTINUE) {
                return new Ending(decision, round);
            }
        }
    }

    @Test
    void theLeastRoundsRunWhateverTheTimeLimitAndLaterOnesOnlyIfTheyEndWithinIt() {
        StoppingRule rule = new StoppingRule(0.02, 3, 6, 0, 30 * 60_000L);
        List<Double> wide = List.of(0.03);
        // the least rounds: past the limit already, still on
        assertEquals(StoppingRule.Decision.CONTINUE, rule.after(2, wide, 40 * 60_000L, 10 * 60_000L));
        // after them: a round of 2 minutes fits from 27 minutes, one of 4 does not
        assertEquals(StoppingRule.Decision.CONTINUE, rule.after(3, wide, 27 * 60_000L, 2 * 60_000L));
        assertEquals(StoppingRule.Decision.TIME_LIMIT, rule.after(3, wide, 27 * 60_000L, 4 * 60_000L));
        // without a limit the same round goes on
        assertEquals(StoppingRule.Decision.CONTINUE, new StoppingRule(0.02, 3, 6, 0).after(3, wide, 27 * 60_000L, 4 * 60_000L));
    }

    @Test
    void onlyTheDefaultProfileWithoutABudgetHasTheTimeLimit() {
        assertEquals(Profile.DEFAULT_EXTRA_ROUNDS_LIMIT.toMillis(), Profile.DEFAULT.stoppingRule(0).extraRoundsLimitMillis());
        assertEquals(0, Profile.DEFAULT.stoppingRule(600_000).extraRoundsLimitMillis());
        assertEquals(0, Profile.FULL.stoppingRule(0).extraRoundsLimitMillis());
        assertEquals(0, Profile.QUICK.stoppingRule(0).extraRoundsLimitMillis());
    }

    @Test
    void aQuietCellStopsAtTheMinimum() {
        assertEquals(new Ending(StoppingRule.Decision.PRECISION, 3), run(new StoppingRule(0.02, 3, 10, 0), 0.002, 1000));
    }

    @Test
    void aNoisyCellWithinReachRunsToTheMaximum() {
        // 2.7% between rounds: only at 10 rounds does its interval reach 2% (1.93%), so every round is spent on it
        assertEquals(new Ending(StoppingRule.Decision.PRECISION, 10), steady(new StoppingRule(0.02, 3, 10, 0), 0.027, 1000));
        // 2.9%: 2.07% at 10 rounds, out of reach from the start
        assertEquals(new Ending(StoppingRule.Decision.OUT_OF_REACH, 3), steady(new StoppingRule(0.02, 3, 10, 0), 0.029, 1000));
        // a cell that stays within reach after every round but never gets there runs to the most rounds
        StoppingRule rule = new StoppingRule(0.02, 3, 6, 0);
        double[] halfWidths = {Double.POSITIVE_INFINITY, 0.08, 0.045, 0.030, 0.023, 0.021}; // after rounds 1..6
        for (int round = 1; round < 6; round++) {
            assertEquals(StoppingRule.Decision.CONTINUE, rule.after(round, List.of(halfWidths[round - 1]), 0, 0), "round " + round);
        }
        assertEquals(StoppingRule.Decision.MAX_ROUNDS, rule.after(6, List.of(0.021), 0, 0));
    }

    @Test
    void aCellOutOfReachStopsAtTheMinimum() {
        // 10% between rounds: even 10 rounds would leave its interval near 7%, so no round goes to it
        assertEquals(new Ending(StoppingRule.Decision.OUT_OF_REACH, 3), run(new StoppingRule(0.02, 3, 10, 0), 0.10, 1000));
    }

    @Test
    void theProjectionScalesByTheTQuantileAndTheRounds() {
        // by hand: t(0.975; 2) = 4.3027, t(0.975; 5) = 2.5706; 5% * 2.5706 / 4.3027 * sqrt(3/6) = 2.112%
        assertEquals(0.02112, StoppingRule.projected(0.05, 3, 6), 0.00001);
        StoppingRule rule = new StoppingRule(0.02, 3, 6, 0);
        assertFalse(rule.chased(3, 0.05), "2.11% at 6 rounds: out of reach");
        assertTrue(rule.chased(3, 0.047), "1.99% at 6 rounds: within reach");
        assertFalse(rule.chased(3, 0.019), "within the precision already");
        assertTrue(rule.chased(1, Double.POSITIVE_INFINITY), "no interval yet");
        assertEquals(List.of("b"), rule.chasedCells(3, new java.util.LinkedHashMap<>(
                java.util.Map.of("a", 0.05, "b", 0.04, "c", 0.01))).stream().sorted().toList());
        assertEquals(StoppingRule.Decision.OUT_OF_REACH, rule.after(3, List.of(0.01, 0.05), 0, 0));
        assertEquals(StoppingRule.Decision.CONTINUE, rule.after(3, List.of(0.01, 0.05, 0.04), 0, 0));
    }

    @Test
    void aBudgetCutsBoth() {
        // 4.5 rounds' worth of time: the noisy cell stops after 4, the quiet one before its minimum of 6.
        assertEquals(new Ending(StoppingRule.Decision.BUDGET, 4), steady(new StoppingRule(0.02, 3, 10, 4500), 0.027, 1000));
        assertEquals(new Ending(StoppingRule.Decision.BUDGET, 4), run(new StoppingRule(0.02, 6, 10, 4500), 0.002, 1000));
    }

    @Test
    void oneCellShortKeepsTheRunGoingAndIsCounted() {
        StoppingRule rule = new StoppingRule(0.02, 3, 10, 0);
        assertEquals(StoppingRule.Decision.CONTINUE, rule.after(3, List.of(0.01, 0.03), 0, 0));
        assertEquals(1, rule.shortOf(List.of(0.01, 0.05, 0.02)));
        assertEquals(1, rule.shortOf(List.of(Double.POSITIVE_INFINITY)), "a cell with no interval yet is short");
        assertEquals(List.of("b"), rule.shortCells(new java.util.LinkedHashMap<>(java.util.Map.of("b", 0.05))));
    }

    @Test
    void nonsenseIsRefusedNamingTheFlag() {
        assertEquals("--min-rounds 0: expected at least 1",
                assertThrows(IllegalArgumentException.class, () -> new StoppingRule(0.02, 0, 5, 0)).getMessage());
        assertEquals(StoppingRule.Decision.MAX_ROUNDS, new StoppingRule(0.02, 1, 1, 0).after(1, List.of(0.5), 0, 0),
                "a first look: one round");
        assertThrows(IllegalArgumentException.class, () -> new StoppingRule(0.02, 4, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new StoppingRule(0, 3, 5, 0));
    }
}
