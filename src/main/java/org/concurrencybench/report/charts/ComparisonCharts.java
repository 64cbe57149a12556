package org.concurrencybench.report.charts;

import org.concurrencybench.report.input.ModelOrder;

import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.compare.ComparisonRow;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts that put two runs side by side: per workload, both runs' speedup curves on one chart
 * (reference run solid, other run dashed, same colour per model), and the forest plot of every
 * compared cell's time ratio with its interval, the noise floor and the verdicts.
 */
public final class ComparisonCharts {

    private ComparisonCharts() {
    }

    public static List<ReportChart> of(String stemPrefix, String nameA, List<WorkloadScaling> a, String nameB,
            List<WorkloadScaling> b) {
        List<ReportChart> charts = new ArrayList<>();
        for (WorkloadScaling workloadA : a) {
            Optional<WorkloadScaling> workloadB = b.stream().filter(w -> w.group().equals(workloadA.group())).findFirst();
            if (workloadB.isPresent() && workloadA.hasOneCoreBaseline() && workloadB.get().hasOneCoreBaseline()) {
                charts.add(speedups(stemPrefix, nameA, workloadA, nameB, workloadB.get()));
            }
        }
        return charts;
    }

    private static ReportChart speedups(String stemPrefix, String nameA, WorkloadScaling a, String nameB,
            WorkloadScaling b) {
        String title = a.group() + ": speedup over own 1-core SEQUENTIAL (solid: " + nameA + ", dashed: "
                + nameB + ")";
        XYChart chart = ChartStyle.xyChart(title, "cores (log2 scale)", "speedup (x)");
        ChartStyle.coresAxis(chart);
        java.util.SortedSet<Integer> cores = new java.util.TreeSet<>(a.cores());
        cores.addAll(b.cores());
        double[] ideal = ScalingCharts.curveCores(cores);
        ChartStyle.line(chart, "ideal (linear)", ChartStyle.GUIDE, ChartStyle.DOTTED, ScalingCharts.log2(ideal), ideal,
                true);
        List<String> models = new ArrayList<>();
        for (WorkloadScaling run : List.of(a, b)) {
            boolean reference = run == a;
            for (String model : run.models()) {
                List<ScalingCell> cells = run.series(model);
                XYSeries series = ChartStyle.modelSeries(chart, (reference ? nameA : nameB) + ": " + model, model,
                        ScalingCharts.log2Cores(cells),
                        cells.stream().mapToDouble(cell -> cell.speedupOverOneCore().value()).toArray());
                if (!reference) {
                    series.setLineStyle(ChartStyle.DASHED);
                    series.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.SQUARE);
                }
                if (!models.contains(model)) {
                    models.add(model);
                }
            }
        }
        models.sort(ModelOrder.ORDER);
        return new ReportChart(stemPrefix + "-" + ScalingCharts.fileStem(a.group()) + "-speedup", title, chart, models);
    }

    /**
     * The forest plot: one row per compared cell, its ratio B/A as a dot and its interval as a line,
     * on a log axis centred at 1 (plotted as ln(ratio) on a linear axis, labelled in ratios, so
     * 0.9 and 1.11 sit equally far from 1); the noise floor shaded; the dot coloured by verdict.
     */
    public static ReportChart forest(String stemPrefix, RunComparison comparison) {
        List<ComparisonRow> rows = comparison.rows();
        double floor = comparison.settings().minChange();
        // short enough for the chart's width: the run names are long, so they are said once, as B and A
        String title = "B = " + comparison.nameB() + " against A = " + comparison.nameA() + ": time ratio B/A, "
                + String.format(java.util.Locale.ROOT, "%.1f%%", comparison.intervalLevel() * 100) + " CI (adjusted for the cells)";
        int n = Math.max(1, rows.size());
        XYChart chart = ChartStyle.xyChart(title, "time ratio B/A (log scale; below 1: B faster)", "",
                Math.max(ChartStyle.HEIGHT,
                160 + 26 * n));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        double reach = reach(rows, floor);
        // XChart labels neither a numeric y axis per row nor a log axis between decades, so both are
        // drawn here: row labels in a column left of the data, a third of the plot wide (the data
        // spans -reach..reach, the labels -2 reach..-reach), ratio ticks along the bottom.
        chart.getStyler().setAnnotationTextFont(LABEL_FONT);
        chart.getStyler().setXAxisMin(-reach * 2);
        chart.getStyler().setXAxisMax(reach);
        chart.getStyler().setYAxisMin(-1.6);
        chart.getStyler().setYAxisMax(n - 0.4);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        addNoiseFloor(chart, floor, n);
        addRatioTicks(chart, reach, n);
        addRowLabelsAndIntervals(chart, rows, -reach * 1.5, n);
        addVerdictDots(chart, rows, n);
        chart.getStyler().setMarkerSize(10);
        return new ReportChart(stemPrefix + "-forest", title, chart, List.of());
    }

    /** Half the width of the data, in ln(ratio): every interval and half again the noise floor fit. */
    private static double reach(List<ComparisonRow> rows, double floor) {
        double reach = Math.log(1 + floor) * 1.5;
        for (ComparisonRow row : rows) {
            reach = Math.max(reach, Math.max(Math.abs(Math.log(finiteOr(row.ratioHigh(), row.ratio().value()))),
                    Math.abs(Math.log(finiteOr(row.ratioLow(), row.ratio().value())))) * 1.1);
        }
        return reach;
    }

    private static void addNoiseFloor(XYChart chart, double floor, int n) {
        double low = -Math.log1p(floor); // the floor is multiplicative: [1/(1+f), 1+f]
        double high = Math.log1p(floor);
        XYSeries band = chart.addSeries("noise floor \u00b1" + Numbers.percent(floor), new double[] {low, high, high, low},
                new double[] {-0.5, -0.5, n - 0.5, n - 0.5});
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(0xE8E8E8));
        band.setLineColor(new Color(0xE8E8E8));
        band.setMarker(SeriesMarkers.NONE);
    }

    private static void addRatioTicks(XYChart chart, double reach, int n) {
        for (double tick : ratioTicks(reach)) {
            double x = Math.log(tick);
            ChartStyle.line(chart, "tick " + tick, tick == 1 ? ChartStyle.GUIDE : new Color(0xDDDDDD),
                    tick == 1 ? ChartStyle.DASHED : new java.awt.BasicStroke(1f), new double[] {x, x},
                    new double[] {-0.5, n - 0.5}, false);
            chart.addAnnotation(new org.knowm.xchart.AnnotationText(String.format(java.util.Locale.ROOT, tick < 1 ? "%.2g" : "%.3g", tick)
                    .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", ""), x, -1.05, false));
        }
    }

    private static void addRowLabelsAndIntervals(XYChart chart, List<ComparisonRow> rows, double labelsCentre, int n) {
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow row = rows.get(i);
            chart.addAnnotation(new org.knowm.xchart.AnnotationText(fit(label(row), LABEL_WIDTH), labelsCentre, n - 1 - i,
                    false));
            if (Double.isFinite(row.ratioLow()) && Double.isFinite(row.ratioHigh())) {
                ChartStyle.line(chart, "interval " + i, Color.BLACK, new java.awt.BasicStroke(1.8f),
                        new double[] {Math.log(row.ratioLow()), Math.log(row.ratioHigh())},
                        new double[] {n - 1 - i, n - 1 - i}, false);
            }
        }
    }

    /** One series of dots per answer, so the legend names each colour. */
    private static void addVerdictDots(XYChart chart, List<ComparisonRow> rows, int n) {
        for (Decision.Answer answer : Decision.Answer.values()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).decision().answer() == answer && Double.isFinite(rows.get(i).ratio().value())) {
                    x.add(Math.log(rows.get(i).ratio().value()));
                    y.add((double) (n - 1 - i));
                }
            }
            if (!x.isEmpty()) {
                XYSeries dots = chart.addSeries(ANSWER_LABELS.get(answer), x, y);
                dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                dots.setMarker(answer == Decision.Answer.CANNOT_TELL ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.DIAMOND);
                dots.setMarkerColor(ANSWER_COLOURS.get(answer));
            }
        }
    }

    /** The row labels' font, and the most pixels a label may take: under a third of the chart's width. */
    static final java.awt.Font LABEL_FONT = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12);
    static final int LABEL_WIDTH = ChartStyle.WIDTH / 3 - 30;

    /** The label, cut short with an ellipsis where it is wider than {@code pixels} in {@link #LABEL_FONT}. */
    static String fit(String label, int pixels) {
        String text = label;
        while (text.length() > 1 && width(text) > pixels) {
            text = label.substring(0, text.length() - (text.endsWith("\u2026") ? 2 : 1)).stripTrailing() + "\u2026";
        }
        return text;
    }

    static double width(String text) {
        return LABEL_FONT.getStringBounds(text, new java.awt.font.FontRenderContext(null, true, true)).getWidth();
    }

    private static String label(ComparisonRow row) {
        String cores = row.mostCores() ? row.coresA() + " vs " + row.coresB() + " cores" : Numbers.cores(row.coresA());
        return row.group() + "  " + row.model() + "  " + cores;
    }

    /**
     * Ratios worth a tick within {@code exp(-reach)} to {@code exp(reach)}: 1 and round numbers
     * either side, thinned outwards from 1 so that labels keep at least a seventh of the reach apart.
     */
    static List<Double> ratioTicks(double reach) {
        double[] above = {1.02, 1.05, 1.1, 1.25, 1.5, 2, 3, 5, 10, 20, 50, 100};
        List<Double> ticks = new ArrayList<>(List.of(1.0));
        for (int side : new int[] {1, -1}) {
            double last = 0;
            for (double ratio : above) {
                double x = side * Math.log(ratio);
                if (Math.abs(x) <= reach && Math.abs(x - last) >= reach / 7) {
                    ticks.add(side > 0 ? ratio : 1 / ratio);
                    last = x;
                }
            }
        }
        ticks.sort(Double::compare);
        return ticks;
    }

    /** B's time higher is B slower: the comparison's words for {@link Decision}'s answers. */
    private static final java.util.Map<Decision.Answer, String> ANSWER_LABELS = java.util.Map.of(
            Decision.Answer.HIGHER, "slower", Decision.Answer.LOWER, "faster", Decision.Answer.SAME, "the same",
            Decision.Answer.CANNOT_TELL, "we cannot tell");

    private static final java.util.Map<Decision.Answer, Color> ANSWER_COLOURS = java.util.Map.of(
            Decision.Answer.HIGHER, new Color(0xC62828), Decision.Answer.LOWER, new Color(0x2E7D32),
            Decision.Answer.SAME, new Color(0x616161), Decision.Answer.CANNOT_TELL, new Color(0xF9A825));

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) && value > 0 ? value : fallback;
    }
}
