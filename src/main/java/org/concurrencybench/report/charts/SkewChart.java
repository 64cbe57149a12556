package org.concurrencybench.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;
import org.concurrencybench.workload.SizeSpread;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of a workload's loss to skew: per uneven spread, one stem per model (or variant) from 1
 * to its loss ratio, its speedup over SEQUENTIAL with even tasks divided by the same under the
 * spread. Why a ratio and not batch times: the losses are a few percent, which a time axis from 0 to
 * the slowest model's time hides; on this axis 1 (the dashed line) is "nothing lost", above it the
 * model lost to the skew, below it gained.
 */
public final class SkewChart {

    /** Half the width, in spread slots, over which a spread's stems are laid side by side. */
    private static final double HALF_SLOT = 0.38;

    private SkewChart() {
    }

    public static ReportChart of(SkewResults skew, String workload, String runName) {
        String title = runName + " - " + workload + ": loss to skew per model, " + Numbers.cores(skew.cores())
                + " (1 = nothing lost)";
        XYChart chart = ChartStyle.xyChart(title, "task-size spread (same total work as the even batch)",
                "loss to skew (x): even speedup / speedup under the spread");
        List<SizeSpread> spreads = skew.spreads(workload).stream().filter(s -> s != SizeSpread.NONE).toList();
        List<String> series = new ArrayList<>(skew.times().getOrDefault(workload, java.util.Map.of()).keySet());
        series.remove(ScalingAnalysis.BASELINE); // 1 by definition: every loss is measured against it
        series.removeIf(name -> spreads.stream().noneMatch(s -> Double.isFinite(skew.lossFactor(workload, name, s))));
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(spreads.size() + 0.5);
        // XChart ticks a numeric axis where it likes (at the stems, here), so the spreads are named by hand
        chart.setCustomXAxisTickLabelsFormatter(x -> " "); // "" breaks TextLayout
        java.util.Map<Double, String> names = new java.util.LinkedHashMap<>();
        for (int slot = 1; slot <= spreads.size(); slot++) {
            names.put((double) slot, spreads.get(slot - 1).name());
        }
        AxisLabels.add(chart, false, names);
        ChartStyle.line(chart, "1 = nothing lost", ChartStyle.GUIDE, ChartStyle.DASHED,
                new double[] {0.5, spreads.size() + 0.5}, new double[] {1, 1}, true);
        for (int i = 0; i < series.size(); i++) {
            addStems(chart, skew, workload, series.get(i), spreads, offset(i, series.size()));
        }
        return new ReportChart(ScalingCharts.fileStem(workload) + "-skew", title, chart, series);
    }

    /** Where the i-th of n stems sits within its spread's slot. */
    static double offset(int i, int n) {
        return n == 1 ? 0 : -HALF_SLOT + 2 * HALF_SLOT * i / (n - 1);
    }

    private static void addStems(XYChart chart, SkewResults skew, String workload, String name,
            List<SizeSpread> spreads, double offset) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int slot = 1; slot <= spreads.size(); slot++) {
            double loss = skew.lossFactor(workload, name, spreads.get(slot - 1));
            if (Double.isFinite(loss)) {
                x.add(slot + offset);
                y.add(loss);
                ChartStyle.line(chart, name + " stem " + slot, ModelPalette.colour(name), ChartStyle.SOLID,
                        new double[] {slot + offset, slot + offset}, new double[] {1, loss}, false);
            }
        }
        XYSeries dots = chart.addSeries(name, x, y);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(ModelPalette.colour(name));
    }
}
