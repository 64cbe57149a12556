package org.concurrencybench.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known answers for the three-way rule every verdict uses (floor 2% unless said). */
class DecisionTest {

    private static Decision decide(double value, double low, double high) {
        return Decision.of(new RatioEstimate(value, low, high), 0.02);
    }

    @Test
    void aWholeIntervalBeyondTheFloorIsAChangeWithItsDirection() {
        assertEquals(Decision.Answer.HIGHER, decide(1.05, 1.03, 1.07).answer());
        assertEquals(Decision.Answer.LOWER, decide(0.95, 0.93, 0.97).answer());
    }

    @Test
    void aWholeIntervalWithinTheFloorIsTheSame() {
        assertEquals(Decision.Answer.SAME, decide(1.0, 0.99, 1.01).answer());
        assertEquals(Decision.Answer.SAME, decide(1.0, 1 / 1.02, 1.02).answer(), "bounds included");
    }

    @Test
    void anIntervalThatExcludesOneButNotTheFloorCannotTell() {
        // the case: excludes 1, and the point estimate is past 2%, yet the interval reaches inside
        Decision d = decide(1.021, 1.001, 1.041);
        assertEquals(Decision.Answer.CANNOT_TELL, d.answer());
        assertEquals("interval straddles the noise floor", d.reason());
    }

    @Test
    void aZeroChangeWithAWideIntervalCannotTellBecauseItIsTooWide() {
        Decision d = decide(1.0, 0.90, 1.10);
        assertEquals(Decision.Answer.CANNOT_TELL, d.answer());
        assertEquals("interval wider than the noise floor", d.reason());
        assertEquals("we cannot tell (interval wider than the noise floor)", d.words());
    }

    @Test
    void noIntervalOrANonPositiveBoundCannotTell() {
        assertEquals("no interval", decide(1.3, Double.NaN, Double.NaN).reason());
        assertEquals("no interval", decide(1.35, -0.2, 2.68).reason());
        assertEquals("no interval", Decision.of(RatioEstimate.ABSENT, 0.02).reason());
    }

    @Test
    void theFloorIsMultiplicative() {
        // 1/1.10 = 0.909...: 0.92 lies within a 10% floor below 1 as 1.08 does above
        assertEquals(Decision.Answer.SAME, Decision.of(new RatioEstimate(1, 0.92, 1.08), 0.10).answer());
        assertEquals(Decision.Answer.CANNOT_TELL, Decision.of(new RatioEstimate(1, 0.90, 1.08), 0.10).answer());
    }

    @Test
    void aNegativeFloorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Decision.of(new RatioEstimate(1, 1, 1), -0.01));
    }
}
