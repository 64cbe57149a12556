package org.concurrencybench.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, item 2: a section's charts that follow one another share one line of report.md (they
 * show side by side), so three charts cost one line, not six.
 */
class FiguresInARowTest {

    private static ReportDocument.Figure png(String stem) {
        return new ReportDocument.Figure(stem, stem + ".png", null, null);
    }

    @Test
    void chartsInARowShareOneLineAndTheTextAfterThemStartsItsOwnParagraph() {
        ReportDocument document = new ReportDocument("t").heading(2, "Workload CPU")
                .figure(png("cpu-time")).figure(png("cpu-speedup")).figure(png("cpu-efficiency"))
                .paragraph("after").figure(png("alone"));
        List<String> lines = MarkdownRenderer.render(document).lines().toList();
        assertEquals(List.of("# t", "", "## Workload CPU", "",
                "![cpu-time](cpu-time.png) ![cpu-speedup](cpu-speedup.png) ![cpu-efficiency](cpu-efficiency.png)", "",
                "after", "", "![alone](alone.png)", ""), lines);
    }
}
