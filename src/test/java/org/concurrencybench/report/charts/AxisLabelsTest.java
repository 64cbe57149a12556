package org.concurrencybench.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The labels added to a log axis: 2x and 5x of each decade where fewer than three decades fall in
 * the range (XChart labels the decades only), none where three or more do.
 */
class AxisLabelsTest {

    @Test
    void theConvoysRangeGetsTwoAndFiveTimesEachDecade() {
        // results/20261201-081732-dev-2core's convoy: 55 to 6,500 round trips/s, XChart labels 100 and 1,000 only
        assertEquals(2, AxisLabels.decades(55, 6500));
        assertEquals(List.of(200.0, 500.0, 2000.0, 5000.0), AxisLabels.values(55, 6500));
        assertEquals(List.of("200", "500", "2,000", "5,000"), AxisLabels.values(55, 6500).stream()
                .map(AxisLabels::label).toList());
    }

    @Test
    void aRangeWithoutADecadeStillGetsLabels() {
        assertEquals(0, AxisLabels.decades(150, 900));
        assertEquals(List.of(200.0, 500.0), AxisLabels.values(150, 900));
    }

    @Test
    void threeDecadesAreLabelsEnough() {
        assertEquals(3, AxisLabels.decades(17, 10_600));
        assertEquals(List.of(), AxisLabels.values(17, 10_600));
        assertEquals(List.of(), AxisLabels.values(100, 100_000));
        assertEquals(List.of(), AxisLabels.values(0, 100), "no log axis without positive values");
    }
}
