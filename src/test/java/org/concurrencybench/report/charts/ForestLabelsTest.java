package org.concurrencybench.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.input.RunReader;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The forest plot's row labels take at most a third of its width: their column, and each label in it. */
class ForestLabelsTest {

    @Test
    void theLabelColumnIsAThirdOfThePlot() {
        ScalingAnalysis analysis = new ScalingAnalysis(0.95);
        RunComparison comparison = RunComparison.of("laptop", analysis.analyse(RunReader.read(Fixtures.run("laptop")),
                w -> { }), "server", analysis.analyse(RunReader.read(Fixtures.run("server")), w -> { }));
        XYChart chart = (XYChart) ComparisonCharts.forest("compare", comparison).chart();
        double min = chart.getStyler().getXAxisMin();
        double max = chart.getStyler().getXAxisMax();
        double reach = max; // the data span -reach..reach, the labels the rest, left of it
        assertTrue((-reach - min) / (max - min) <= 1.0 / 3 + 1e-9, "labels' share " + (-reach - min) / (max - min));
    }

    @Test
    void aLabelWiderThanItsColumnIsCutShort() {
        assertTrue(ComparisonCharts.LABEL_WIDTH <= ChartStyle.WIDTH / 3);
        String shortLabel = "CPU  FIXED_POOL  2 cores";
        assertEquals(shortLabel, ComparisonCharts.fit(shortLabel, ComparisonCharts.LABEL_WIDTH));
        String longLabel = "MIXED tasks=100000 mixedCpuUnits=200 ioRoundTrips=20  GLOBAL_LOCK_PER_TASK  64 vs 128 cores";
        String cut = ComparisonCharts.fit(longLabel, ComparisonCharts.LABEL_WIDTH);
        assertTrue(ComparisonCharts.width(cut) <= ComparisonCharts.LABEL_WIDTH, cut);
        assertTrue(cut.endsWith("\u2026") && longLabel.startsWith(cut.substring(0, cut.length() - 1).strip()), cut);
    }
}
