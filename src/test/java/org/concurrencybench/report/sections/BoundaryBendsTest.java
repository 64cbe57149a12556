package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.results.CpuLayout;
import org.junit.jupiter.api.Test;

/** The verdict names the hardware boundary where a scaling curve bends, and only a clear bend. */
class BoundaryBendsTest {

    private static final List<CpuLayout.Boundary> LAPTOP = List.of(
            new CpuLayout.Boundary(4, "the P-cores", "the E-cores join"),
            new CpuLayout.Boundary(12, "the P- and E-cores", "hyperthreads join"));

    /** A model's cells at {@code cores} with these batch times (ms). */
    private static List<ScalingCell> cells(int[] cores, double[] millis) {
        List<ScalingCell> cells = new ArrayList<>();
        for (int i = 0; i < cores.length; i++) {
            SampleStats time = SampleStats.of(new double[] {millis[i] * 0.99, millis[i], millis[i] * 1.01}, 0.95);
            cells.add(new ScalingCell("CPU", "FIXED_POOL", cores[i], time, null, null, null, Double.NaN, null, null));
        }
        return cells;
    }

    @Test
    void aCurveThatBendsWhereTheECoresJoinIsNamed() {
        // 1.9x per doubling up to 4 P-cores, then 1.3x from 4 to 8 (E-cores), as the laptop.
        List<ScalingCell> laptop = cells(new int[] {1, 2, 4, 8}, new double[] {400, 400 / 1.9, 400 / 1.9 / 1.9,
                400 / 1.9 / 1.9 / 1.3});
        assertEquals(Optional.of("scaling drops from 1.9x to 1.3x per doubling where the E-cores join (past 4 cores,"
                + " the P-cores)"), BoundaryBends.of(laptop, LAPTOP));
    }

    @Test
    void aStraightCurveOrOneWithoutCountsOnBothSidesNamesNothing() {
        List<ScalingCell> straight = cells(new int[] {1, 2, 4, 8}, new double[] {400, 210, 110, 58});
        assertEquals(Optional.empty(), BoundaryBends.of(straight, LAPTOP));
        List<ScalingCell> belowOnly = cells(new int[] {1, 2, 4}, new double[] {400, 210, 110});
        assertEquals(Optional.empty(), BoundaryBends.of(belowOnly, LAPTOP));
        assertEquals(Optional.empty(), BoundaryBends.of(cells(new int[] {1, 2, 4, 8},
                new double[] {400, 210, 110, 100}), List.of()));
    }

    @Test
    void aBendTheIntervalsDoNotCarryIsNotNamed() {
        // the laptop's points, but each time known only to +-30%: the gain across may be as large as before
        List<ScalingCell> noisy = new ArrayList<>();
        double[] millis = {400, 400 / 1.9, 400 / 1.9 / 1.9, 400 / 1.9 / 1.9 / 1.3};
        int[] cores = {1, 2, 4, 8};
        for (int i = 0; i < cores.length; i++) {
            // three forks, the units an interval rests on
            SampleStats time = SampleStats.of(new double[][] {{millis[i] * 0.7}, {millis[i]}, {millis[i] * 1.3}}, 0.95);
            noisy.add(new ScalingCell("CPU", "FIXED_POOL", cores[i], time, null, null, null, Double.NaN, null, null));
        }
        assertEquals(Optional.empty(), BoundaryBends.of(noisy, LAPTOP));
    }
}
