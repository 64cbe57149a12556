package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.concurrencybench.report.analysis.CapacityResults;
import org.concurrencybench.report.charts.ScenarioCharts;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Metric;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.OutputFormat;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A capacity chart built from a run with skipped sizes, as in {@code results/20261201-081732-dev-2core}:
 * it draws the measured sizes only (no point at a predicted time, none at all for a size skipped for
 * the machine's connections), and the report lists the sizes without a point under it, with why.
 */
class CapacitySectionTest {

    private static final String BATCH = "org.concurrencybench.bench.CapacityBenchmark.batch";

    @TempDir
    Path out;

    private static BenchmarkResult measured(String model, int tasks, double ms) {
        return new BenchmarkResult(BATCH, "avgt", 1, 1, Map.of("model", model, "workload", "IO", "tasks",
                String.valueOf(tasks)), new Metric(ms, 0, "ms/op", new double[][] {{ms, ms}}), Map.of());
    }

    private static Outcome skipped(String model, int tasks, String reason, Long predictedMillis) {
        return Outcome.skipped(2, new Cell(BATCH, Map.of("model", model, "workload", "IO", "tasks",
                String.valueOf(tasks))), reason, predictedMillis);
    }

    /** Measured at 100 and 1,000 tasks; 10,000 skipped: SEQUENTIAL predicted too slow, EVENT_LOOP for ports. */
    private static CapacityResults capacity() {
        List<BenchmarkResult> results = List.of(measured("SEQUENTIAL", 100, 1100), measured("SEQUENTIAL", 1000, 10600),
                measured("EVENT_LOOP", 100, 17), measured("EVENT_LOOP", 1000, 84));
        List<Outcome> outcomes = List.of(
                skipped("SEQUENTIAL", 10_000, "predicted batch time 1m40s is over the limit of 20s (--max-batch-seconds)",
                        100_000L),
                // a skipped size whose recorded prediction (10 ms) sits beside a connection limit: the limit is the reason
                skipped("EVENT_LOOP", 10_000, "10000 " + Outcome.CONNECTION_LIMIT + " about 9962 (ephemeral ports,"
                        + " open files)", 10L),
                skipped("EVENT_LOOP", 100_000, "100000 " + Outcome.CONNECTION_LIMIT + " about 9962 (ephemeral ports,"
                        + " open files)", null));
        RunResults run = new RunResults(Path.of("x"), null, new TreeMap<>(Map.of(2, results)), outcomes);
        return CapacityResults.of(run, 0.95).orElseThrow();
    }

    @Test
    void theChartDrawsMeasuredSizesOnly() {
        XYChart chart = (XYChart) ScenarioCharts.capacity(capacity(), "IO", "run").chart();
        assertEquals(Set.of("SEQUENTIAL", "EVENT_LOOP"), chart.getSeriesMap().keySet());
        List<Double> times = new ArrayList<>();
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double tasks : series.getXData()) {
                assertTrue(tasks == 100 || tasks == 1000, series.getName() + " has a point at " + tasks + " tasks");
            }
            for (double time : series.getYData()) {
                times.add(time);
            }
        }
        assertEquals(List.of(1100.0, 10600.0, 17.0, 84.0), times);
    }

    @Test
    void theSizesWithoutAPointAreListedUnderTheChartWithWhy() {
        ReportDocument document = new ReportDocument("t");
        ScenarioSection.addCapacity(document, capacity(), "run",
                new ChartSink(out, EnumSet.of(OutputFormat.PNG), Runnable::run));
        List<ReportDocument.Block> blocks = document.blocks();
        int figure = 0;
        while (!(blocks.get(figure) instanceof ReportDocument.Figure)) {
            figure++;
        }
        assertEquals(new ReportDocument.Paragraph("IO: not on the chart"), blocks.get(figure + 1));
        List<String> lines = ((ReportDocument.Bullets) blocks.get(figure + 2)).items();
        assertEquals(List.of("SEQUENTIAL: 10,000 tasks skipped, predicted 100 s, over the limit of 20s"
                + " (--max-batch-seconds)", "EVENT_LOOP: 10,000 and 100,000 tasks skipped, more connections than this"
                + " machine has room for (about 9962: ephemeral ports, open files)"), lines);
        assertFalse(lines.get(1).contains("predicted"), "a connection limit is a reason, not a time");
    }
}
