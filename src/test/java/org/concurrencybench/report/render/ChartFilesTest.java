package org.concurrencybench.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.junit.jupiter.api.Test;

/** index.html embeds each chart the smaller way, at the size the page shows it. */
class ChartFilesTest {

    private static final ReportChart CHART = new ReportChart("cpu-time", "CPU <time>", new XYChart(960, 540),
            List.of("SEQUENTIAL", "FIXED_POOL"));
    private static final byte[] PNG = new byte[300];

    @Test
    void aPngSmallerThanTheSvgIsEmbeddedAsADataUriAtTheChartsSize() {
        String img = ChartFiles.embedded(CHART, "<svg>" + "x".repeat(1_000) + "</svg>", PNG);
        assertTrue(img.startsWith("<img src=\"data:image/png;base64,AAAA"), img);
        assertTrue(img.contains(" width=\"960\" height=\"540\""), img);
        assertTrue(img.contains("alt=\"CPU &lt;time&gt; (models: SEQUENTIAL, FIXED_POOL)\""), img);
    }

    @Test
    void anSvgSmallerThanThePngIsInlined() {
        assertEquals("<svg></svg>", ChartFiles.embedded(CHART, "<svg></svg>", PNG));
    }
}
