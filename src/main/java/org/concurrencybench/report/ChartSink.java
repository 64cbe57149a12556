package org.concurrencybench.report;

import java.nio.file.Path;
import java.util.Set;

/**
 * Where the report's sections send their charts: writes each chart's files into the output folder
 * in the formats asked for and hands back the figure the document shows. {@code prefix} is the
 * relative folder the files go to (empty, or e.g. "laptop-run/" for a run inside a comparison).
 */
final class ChartSink {

    private final Path directory;
    private final String prefix;
    private final Set<OutputFormat> formats;
    private int written;

    ChartSink(Path directory, String prefix, Set<OutputFormat> formats) {
        this.directory = directory;
        this.prefix = prefix;
        this.formats = formats;
    }

    ReportDocument.Figure add(ReportChart chart) {
        if (!formats.contains(OutputFormat.PNG) && !formats.contains(OutputFormat.SVG)
                && !formats.contains(OutputFormat.HTML) && !formats.contains(OutputFormat.MD)) {
            return new ReportDocument.Figure(chart.title(), null, null, null);
        }
        String svg = ChartFiles.write(chart, directory, formats);
        written++;
        String png = formats.contains(OutputFormat.PNG) ? prefix + chart.fileStem() + ".png" : null;
        String svgFile = formats.contains(OutputFormat.SVG) ? prefix + chart.fileStem() + ".svg" : null;
        return new ReportDocument.Figure(chart.title(), png, svgFile, svg);
    }

    /** Charts handed to this sink so far. */
    int written() {
        return written;
    }

    /** A sink for a sub-folder, whose figures' links are relative to this sink's folder. */
    ChartSink inFolder(String folder) {
        return new ChartSink(directory.resolve(folder), prefix + folder + "/", formats);
    }
}
