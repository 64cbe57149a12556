package org.concurrencybench.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void aQuietCellStopsAtTheMinimum() {
        assertEquals(new Ending(StoppingRule.Decision.PRECISION, 3), run(new StoppingRule(0.02, 3, 10, 0), 0.002, 1000));
    }

    @Test
    void aNoisyCellRunsToTheMaximum() {
        assertEquals(new Ending(StoppingRule.Decision.MAX_ROUNDS, 10), run(new StoppingRule(0.02, 3, 10, 0), 0.10, 1000));
    }

    @Test
    void aBudgetCutsBoth() {
        // 4.5 rounds' worth of time: the noisy cell stops after 4, the quiet one before its minimum of 6.
        assertEquals(new Ending(StoppingRule.Decision.BUDGET, 4), run(new StoppingRule(0.02, 3, 10, 4500), 0.10, 1000));
        assertEquals(new Ending(StoppingRule.Decision.BUDGET, 4), run(new StoppingRule(0.02, 6, 10, 4500), 0.002, 1000));
    }

    @Test
    void oneCellShortKeepsTheRunGoingAndIsCounted() {
        StoppingRule rule = new StoppingRule(0.02, 3, 10, 0);
        assertEquals(StoppingRule.Decision.CONTINUE, rule.after(3, List.of(0.01, 0.05), 0, 0));
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
