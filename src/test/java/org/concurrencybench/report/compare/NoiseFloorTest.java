package org.concurrencybench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.Verdict;
import org.concurrencybench.report.input.RunReader;
import org.junit.jupiter.api.Test;

/**
 * The default noise floor against the A/A pair it was chosen on: two default-profile runs of one
 * commit on the quiet 2-core development VM, a minute apart. No cell of the pair moves by the
 * floor, and its largest move (FIXED_POOL on CPU at 2 cores) is one the exact test alone would call.
 */
class NoiseFloorTest {

    private static final Path A = Path.of("results/20261128-200044-dev-2core-A");
    private static final Path A2 = Path.of("results/20261128-200423-dev-2core-A2");

    @Test
    void theFloorIsJustAboveTheLargestDifferenceOfTheAaPair() {
        ScalingAnalysis analysis = new ScalingAnalysis(0.95);
        RunComparison comparison = RunComparison.of("A", analysis.analyse(RunReader.read(A), w -> { }), "A2",
                analysis.analyse(RunReader.read(A2), w -> { }), ComparisonSettings.defaults(0.95));
        ComparisonRow largest = comparison.rows().stream()
                .max(java.util.Comparator.comparingDouble(r -> Math.abs(r.ratio() - 1))).orElseThrow();
        assertEquals("FIXED_POOL CPU 2", largest.model() + " " + largest.group() + " " + largest.coresA());
        assertEquals(0.949, largest.ratio(), 0.0005);
        assertEquals(0.938, largest.ratioLow(), 0.0005);
        assertEquals(0.961, largest.ratioHigh(), 0.0005);
        assertEquals(0.048, largest.pAdjusted(), 0.0005, "significant by the test alone");
        assertTrue(Math.abs(largest.ratio() - 1) < ComparisonSettings.DEFAULT_MIN_CHANGE);
        assertTrue(Math.abs(largest.ratio() - 1) > ComparisonSettings.DEFAULT_MIN_CHANGE - 0.015, "just above it");
        assertTrue(comparison.rows().stream().allMatch(r -> r.verdict() != Verdict.FASTER && r.verdict() != Verdict.SLOWER),
                "an A/A pair shows no change");
    }
}
