package org.concurrencybench.report.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Tick labels that XChart 3.8.8 cannot put on an axis, written beside it where XChart writes its
 * own, in the same font: the names of a category slot on a numeric axis, and the labels it leaves
 * off a logarithmic axis. Its log axis labels only the decades
 * (1, 10, 100...), so a range under two decades shows one or two labels, or none; turning
 * {@code setYAxisLogarithmicDecadeOnly(false)} labels every tick from 1 to 9, which overlap. This
 * annotation writes the 2x and 5x labels of each decade beside the axis, where XChart writes its
 * own, in the same font; XChart already draws their grid lines. It does so wherever fewer than
 * three decades fall in the range (every range under two decades, and e.g. 55 to 6,500, which shows
 * only 100 and 1,000); with three decade labels or more, they are labels enough.
 */
final class AxisLabels extends Annotation {

    /** Ranges that hold fewer decades than this get 2x and 5x labels. */
    static final int DECADE_LABELS_ENOUGH = 3;

    private final boolean yAxis;
    private final Map<Double, String> labels;

    private AxisLabels(boolean yAxis, Map<Double, String> labels) {
        super(false);
        this.yAxis = yAxis;
        this.labels = labels;
    }

    /** Labels the chart's log y axis (or x axis) between {@code min} and {@code max}, the data's extremes. */
    static void addLog(Chart<?, ?> chart, boolean yAxis, double min, double max) {
        Map<Double, String> labels = new LinkedHashMap<>();
        values(min, max).forEach(value -> labels.put(value, label(value)));
        add(chart, yAxis, labels);
    }

    /** Writes each label at its value on the y axis (or x axis). */
    static void add(Chart<?, ?> chart, boolean yAxis, Map<Double, String> labels) {
        if (!labels.isEmpty()) {
            chart.addAnnotation(new AxisLabels(yAxis, Map.copyOf(labels)));
        }
    }

    /** The 2x and 5x values to label within [min, max]; none where three decades or more fall in it. */
    static List<Double> values(double min, double max) {
        List<Double> values = new ArrayList<>();
        if (!(min > 0) || !(max > min) || decades(min, max) >= DECADE_LABELS_ENOUGH) {
            return values;
        }
        for (int decade = (int) Math.floor(Math.log10(min)); decade <= Math.ceil(Math.log10(max)); decade++) {
            for (double step : new double[] {2, 5}) {
                double value = step * Math.pow(10, decade);
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** How many powers of ten lie within [min, max]: the labels XChart's log axis has. */
    static int decades(double min, double max) {
        return (int) (Math.floor(Math.log10(max) + 1e-9) - Math.ceil(Math.log10(min) - 1e-9)) + 1;
    }

    /** A label as XChart writes its own: "200", "5,000", "0.05". */
    static String label(double value) {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    @Override
    public void paint(Graphics2D g) {
        AxesChartStyler axes = (AxesChartStyler) styler;
        Font font = axes.getAxisTickLabelsFont();
        g.setFont(font);
        g.setColor(axes.getAxisTickLabelsColor());
        FontRenderContext context = g.getFontRenderContext();
        int gap = axes.getAxisTickMarkLength() + axes.getAxisTickPadding();
        for (Map.Entry<Double, String> label : labels.entrySet()) {
            double value = label.getKey();
            TextLayout text = new TextLayout(label.getValue(), font, context);
            Rectangle2D box = text.getBounds();
            if (yAxis) {
                double right = getXAxisScreenValueForMin() - gap;
                text.draw(g, (float) (right - box.getWidth() - box.getX()),
                        (float) (getYAxisScreenValue(value) + box.getHeight() / 2));
            } else {
                double top = getYAxisScreenValueForMax() + gap; // the plot's bottom edge, on screen
                text.draw(g, (float) (getXAxisScreenValue(value) - box.getWidth() / 2 - box.getX()),
                        (float) (top + box.getHeight()));
            }
        }
        bounds = new Rectangle2D.Double();
    }
}
