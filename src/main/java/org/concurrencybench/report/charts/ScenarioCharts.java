package org.concurrencybench.report.charts;

import org.concurrencybench.report.analysis.CapacityResults;
import org.concurrencybench.report.analysis.ConvoyResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the two scenarios that are not per-task scaling: the convoy chart (round trips per
 * second against CPU-bound neighbours, log y, one line per model and switch interval) and the
 * capacity chart per workload (batch time against tasks, log-log, one line per model). The
 * capacity chart draws measured sizes only: a skipped size has no time to plot (a prediction is not a
 * measurement, and a size skipped for the machine's connections has not even that), so the
 * report lists the sizes without a point under the chart.
 */
public final class ScenarioCharts {

    private static final java.awt.BasicStroke[] STROKES = {ChartStyle.SOLID, ChartStyle.DASHED, ChartStyle.DOTTED};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP};

    private ScenarioCharts() {
    }

    public static ReportChart convoy(ConvoyResults convoy, String runName) {
        String title = runName + " - convoy: I/O round trips beside CPU-bound threads, " + Numbers.cores(convoy.cores());
        XYChart chart = ChartStyle.xyChart(title, "CPU-bound neighbour threads", "round trips per second (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        List<String> models = new ArrayList<>();
        int seriesOfModel = 0;
        String previousModel = null;
        for (String name : convoy.seriesNames()) {
            List<ConvoyResults.Point> points = convoy.points().stream().filter(p -> p.series().equals(name)).toList();
            String model = points.get(0).model();
            seriesOfModel = model.equals(previousModel) ? seriesOfModel + 1 : 0;
            previousModel = model;
            if (!models.contains(model)) {
                models.add(model);
            }
            XYSeries series = ChartStyle.modelSeries(chart, name, model,
                    points.stream().mapToDouble(ConvoyResults.Point::cpuThreads).toArray(),
                    points.stream().mapToDouble(p -> p.roundTripsPerSecond().mean()).toArray());
            series.setLineStyle(STROKES[seriesOfModel % STROKES.length]);
            series.setMarker(MARKERS[seriesOfModel % MARKERS.length]);
        }
        ChartStyle.labelLogAxes(chart);
        return new ReportChart("convoy", title, chart, models);
    }

    public static ReportChart capacity(CapacityResults capacity, String workload, String runName) {
        String title = runName + " - capacity, " + workload + ": batch time against tasks, "
                + Numbers.cores(capacity.cores());
        XYChart chart = ChartStyle.xyChart(title, "tasks per batch (log scale)", "time per batch (ms, log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0"); // 10,000 tasks, not XChart's 1E4
        chart.getStyler().setYAxisLogarithmic(true);
        List<String> models = capacity.measuredModels(workload);
        for (String model : models) {
            List<CapacityResults.Point> points = capacity.points().stream()
                    .filter(p -> p.workload().equals(workload) && p.model().equals(model)).toList();
            ChartStyle.modelSeries(chart, model, model, points.stream().mapToDouble(p -> p.tasks()).toArray(),
                    points.stream().mapToDouble(p -> p.time().mean()).toArray());
        }
        if (chart.getSeriesMap().isEmpty()) {
            ChartStyle.line(chart, "nothing measured", ChartStyle.GUIDE, ChartStyle.DOTTED, new double[] {1},
                    new double[] {1}, true);
        }
        ChartStyle.labelLogAxes(chart);
        return new ReportChart("capacity-" + ScalingCharts.fileStem(workload), title, chart, models);
    }
}
