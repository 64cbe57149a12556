package org.concurrencybench.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.render.ReportChart;
import org.concurrencybench.report.stats.SampleStats;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The models side by side at the most cores: within a decade, bars on a linear axis from zero, each
 * with its interval as an error bar (a bar twice as long is twice the time); over a decade, points
 * on a log axis that says so, each with its interval drawn at its values.
 */
class BarsChartTest {

    private static final double[] SHAPE = {0.95, 1.0, 1.05, 0.98, 1.02};

    /** One CPU workload at 2 cores with these mean times, each sample spread ±5% around it. */
    private static WorkloadScaling atTwoCores(Object... modelAndMean) {
        Map<String, Map<Integer, ScalingCell>> cells = new LinkedHashMap<>();
        for (int i = 0; i < modelAndMean.length; i += 2) {
            double mean = (double) modelAndMean[i + 1];
            SampleStats time = SampleStats.of(Arrays.stream(SHAPE).mapToObj(f -> new double[] {f * mean}).toArray(double[][]::new), 0.95);
            Map<Integer, ScalingCell> byCores = new TreeMap<>();
            byCores.put(2, ScalingAnalysis.cell("CPU", (String) modelAndMean[i], 2, time, null, null));
            cells.put((String) modelAndMean[i], byCores);
        }
        return new WorkloadScaling("CPU", List.copyOf(cells.keySet()), new TreeSet<>(List.of(2)), cells, Map.of(),
                Map.of(), false, false);
    }

    @Test
    void withinADecadeBarsStartAtZeroOnALinearAxisWithTheirIntervals() {
        // the GIL's 2x: its bar must be twice SEQUENTIAL's, from zero
        WorkloadScaling cpu = atTwoCores("SEQUENTIAL", 100.0, "FIXED_POOL", 52.0, "GLOBAL_LOCK", 200.0);
        ReportChart bars = ScalingCharts.bars(cpu, "run", "cpu");
        CategoryChart chart = (CategoryChart) bars.chart();
        assertFalse(chart.getStyler().isYAxisLogarithmic());
        assertEquals(0.0, chart.getStyler().getYAxisMin());
        for (String model : List.of("SEQUENTIAL", "FIXED_POOL", "GLOBAL_LOCK")) {
            CategorySeries series = chart.getSeriesMap().get(model);
            List<? extends Number> errors = series.getExtraValues() == null ? List.of()
                    : List.copyOf(series.getExtraValues());
            assertTrue(errors.size() == 1 && errors.get(0).doubleValue() > 0, model + ": an interval is drawn");
            SampleStats time = cpu.cell(model, 2).orElseThrow().time();
            assertEquals(time.halfWidth(), errors.get(0).doubleValue(), 1e-9, model);
        }
        assertFalse(chart.getYAxisTitle().contains("log"), chart.getYAxisTitle());
    }

    @Test
    void overADecadeALabelledLogAxisWithEachIntervalAtItsValues() {
        WorkloadScaling cpu = atTwoCores("SEQUENTIAL", 100.0, "FIXED_POOL", 52.0, "PROCESS_PER_TASK", 1400.0);
        ReportChart points = ScalingCharts.bars(cpu, "run", "cpu");
        XYChart chart = (XYChart) points.chart();
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertTrue(chart.getYAxisTitle().contains("log scale"), chart.getYAxisTitle());
        assertEquals(List.of("SEQUENTIAL", "FIXED_POOL", "PROCESS_PER_TASK"), points.models());
        for (String model : points.models()) {
            XYSeries interval = chart.getSeriesMap().get(model + " interval");
            SampleStats time = cpu.cell(model, 2).orElseThrow().time();
            assertEquals(time.mean() - time.halfWidth(), interval.getYData()[0], 1e-9, model);
            assertEquals(time.mean() + time.halfWidth(), interval.getYData()[1], 1e-9, model);
            assertEquals(chart.getSeriesMap().get(model).getXData()[0], interval.getXData()[0], model + ": same column");
        }
    }

    @Test
    void aDecadeExactlyStaysLinear() {
        CategoryChart chart = (CategoryChart) ScalingCharts.bars(atTwoCores("SEQUENTIAL", 100.0, "FIXED_POOL", 10.0),
                "run", "cpu").chart();
        assertFalse(chart.getStyler().isYAxisLogarithmic());
    }
}
