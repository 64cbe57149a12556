package org.concurrencybench.report.render;

import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart ready to be written: the file name without extension, its title (alt text in the
 * report), the XChart chart, and the models it shows (kept in the SVG's description, because
 * XChart draws text as outlines and the SVG alone would not say which series it holds).
 */
public record ReportChart(String fileStem, String title, Chart<?, ?> chart, List<String> models) {
}
