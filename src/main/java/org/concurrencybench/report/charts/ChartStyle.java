package org.concurrencybench.report.charts;

import org.concurrencybench.results.CoreCountLabel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every chart shares: size, white background, legend outside the plot on the right (so
 * it never covers data), readable fonts, and the log-2 cores axis. XChart's logarithmic axis has
 * base-10 ticks only, so cores are plotted as {@code log2(cores)} on a linear axis whose integer
 * ticks are labelled 1, 2, 4, 8...
 */
public final class ChartStyle {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    static final Color GUIDE = new Color(0x9E9E9E);
    public static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1.5f, 4f}, 0f);
    static final BasicStroke SOLID = new BasicStroke(2.2f);

    private ChartStyle() {
    }

    public static XYChart xyChart(String title, String xTitle, String yTitle) {
        return xyChart(title, xTitle, yTitle, HEIGHT);
    }

    /** A chart taller than usual, for one row per compared cell. */
    public static XYChart xyChart(String title, String xTitle, String yTitle, int height) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        common(chart.getStyler());
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    public static CategoryChart barChart(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        common(chart.getStyler());
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setAvailableSpaceFill(0.8);
        return chart;
    }

    private static void common(AxesChartStyler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xBDBDBD));
        styler.setPlotGridLinesColor(new Color(0xE6E6E6));
        styler.setLegendBorderColor(new Color(0xBDBDBD));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartFontColor(Color.BLACK);
        styler.setAxisTickLabelsColor(Color.BLACK);
        styler.setToolTipsEnabled(false);
        styler.setYAxisDecimalPattern("#,##0.###");
    }

    /**
     * Makes the x axis a log-2 axis of cores; plot {@link #log2} of the core counts. With a custom
     * formatter XChart puts a tick at every x value of the data, so the formatter labels whole
     * core counts and leaves the points of fitted curves (see {@link #isWholeCores}) unlabelled.
     */
    public static void coresAxis(XYChart chart) {
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            double cores = Math.pow(2, x);
            return isWholeCores(cores) ? Long.toString(Math.round(cores)) : " "; // "" breaks TextLayout
        });
    }

    /** {@link #coresAxis(XYChart)}, with counts past {@code physicalCores} marked "N (2/core)". */
    public static void coresAxis(XYChart chart, int physicalCores) {
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            double cores = Math.pow(2, x);
            return isWholeCores(cores) ? CoreCountLabel.axis((int) Math.round(cores), physicalCores) : " ";
        });
    }

    /** {@link #coresAxis(XYChart)}, each whole count labelled by {@code label} ("12 (+8 E)"). */
    public static void coresAxis(XYChart chart, java.util.function.IntFunction<String> label) {
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            double cores = Math.pow(2, x);
            return isWholeCores(cores) ? label.apply((int) Math.round(cores)) : " ";
        });
    }

    static boolean isWholeCores(double cores) {
        return Math.abs(cores - Math.rint(cores)) < 1e-6;
    }

    /**
     * A log y axis when the values span more than a factor of 10, else linear; a log axis under two
     * decades also gets its 2x and 5x labels ({@link AxisLabels}).
     */
    static void valueAxis(XYChart chart, double min, double max) {
        boolean logarithmic = min > 0 && max / min > 10;
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        if (logarithmic) {
            chart.setYAxisTitle(chart.getYAxisTitle().replaceFirst("\\)$", ", log scale)"));
            AxisLabels.addLog(chart, true, min, max);
        }
    }

    /**
     * Labels each log axis of the chart at its decades and, under two decades, at 2x and 5x: call
     * after the series are added (their extremes set the range).
     */
    static void labelLogAxes(XYChart chart) {
        for (boolean yAxis : new boolean[] {false, true}) {
            if (yAxis ? chart.getStyler().isYAxisLogarithmic() : chart.getStyler().isXAxisLogarithmic()) {
                double[] range = dataRange(chart, yAxis);
                AxisLabels.addLog(chart, yAxis, range[0], range[1]);
            }
        }
    }

    /** The smallest and largest positive value of the chart's series on one axis. */
    private static double[] dataRange(XYChart chart, boolean yAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double value : yAxis ? series.getYData() : series.getXData()) {
                if (value > 0 && Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        return new double[] {min, max};
    }

    public static double log2(double cores) {
        return Math.log(cores) / Math.log(2);
    }

    /** A model's measured series: its colour, solid line, round markers. */
    public static XYSeries modelSeries(XYChart chart, String name, String model, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(ModelPalette.colour(model));
        series.setMarkerColor(ModelPalette.colour(model));
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(SOLID);
        return series;
    }

    /** A line with no markers and no legend entry (fits), or in grey with a legend entry (guides). */
    static XYSeries line(XYChart chart, String name, Color colour, BasicStroke stroke, double[] x, double[] y,
            boolean inLegend) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(colour);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(stroke);
        series.setShowInLegend(inLegend);
        return series;
    }
}
