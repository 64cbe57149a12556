package org.concurrencybench.report.render;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where the report's sections send their charts: draws each chart's files into the output folder
 * in the formats asked for, on {@code drawing} (drawing is most of the report's time, and charts
 * are independent), and hands back at once the figure the document shows.
 */
public final class ChartSink {

    private final Path directory;
    private final Set<OutputFormat> formats;
    private final Executor drawing;

    public ChartSink(Path directory, Set<OutputFormat> formats, Executor drawing) {
        this.directory = directory;
        this.formats = formats;
        this.drawing = drawing;
    }

    public ReportDocument.Figure add(ReportChart chart) {
        CompletableFuture<String> picture = CompletableFuture.supplyAsync(
                () -> ChartFiles.write(chart, directory, formats), drawing);
        String png = formats.contains(OutputFormat.PNG) ? chart.fileStem() + ".png" : null;
        String svgFile = formats.contains(OutputFormat.SVG) ? chart.fileStem() + ".svg" : null;
        return new ReportDocument.Figure(chart.title(), png, svgFile, picture);
    }
}
