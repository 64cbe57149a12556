package org.concurrencybench.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Collection;
import java.util.List;
import org.concurrencybench.results.CpuLayout;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The vertical lines of a scaling chart at the core counts where the hardware changes (all
 * P-cores, one L3 group, one socket, the physical cores), each named by what joins after it ("the
 * E-cores join"). Why: a curve that bends there bends because of the hardware, and the reader
 * should see that on the chart, not only in the verdicts.
 */
final class BoundaryLines {

    /** Grey, dashed: a fact of the machine, not a series. */
    private static final Color LINE = new Color(120, 120, 120);

    private BoundaryLines() {
    }

    /** Adds a line at each boundary inside the measured counts (strictly below the most cores). */
    static void add(XYChart chart, List<CpuLayout.Boundary> boundaries, Collection<Integer> cores) {
        int least = cores.stream().min(Integer::compare).orElse(1);
        int most = cores.stream().max(Integer::compare).orElse(1);
        double top = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double y : series.getYData()) {
                if (Double.isFinite(y)) {
                    top = Math.max(top, y);
                }
            }
        }
        boolean any = false;
        for (CpuLayout.Boundary boundary : boundaries) {
            if (boundary.cores() < least || boundary.cores() >= most) {
                continue;
            }
            double x = ChartStyle.log2(boundary.cores());
            chart.addAnnotation(new AnnotationLine(x, true, false));
            if (Double.isFinite(top)) {
                chart.addAnnotation(new AnnotationText(boundary.crossing() + " \u2192", x, top, false));
            }
            any = true;
        }
        if (any) {
            chart.getStyler().setAnnotationLineColor(LINE);
            chart.getStyler().setAnnotationLineStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10f, new float[] {6f, 4f}, 0f));
            chart.getStyler().setAnnotationTextFontColor(LINE);
        }
    }
}
