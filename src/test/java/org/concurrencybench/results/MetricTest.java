package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A metric compares by value, its raw data included. */
class MetricTest {

    @Test
    void equalRawDataMakesEqualMetrics() {
        Metric a = new Metric(2, 0.1, "ms/op", new double[][] {{1, 2}, {3}});
        assertEquals(a, new Metric(2, 0.1, "ms/op", new double[][] {{1, 2}, {3}}));
        assertEquals(a.hashCode(), new Metric(2, 0.1, "ms/op", new double[][] {{1, 2}, {3}}).hashCode());
        assertNotEquals(a, new Metric(2, 0.1, "ms/op", new double[][] {{1, 2}, {4}}));
    }
}
