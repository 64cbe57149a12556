package org.concurrencybench.report.render;

import org.concurrencybench.report.input.ReportException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

/**
 * Writes a {@link ReportChart} as PNG and/or SVG, and gives the picture {@code index.html} embeds.
 * The SVG loses XChart's DOCTYPE (it names an
 * external DTD that a browser or XML parser would otherwise try to fetch), gains a
 * {@code <title>} and a {@code <desc>} listing the models, since its text is drawn as outlines,
 * and gets ids unique to the chart so that many can be inlined in one page. PNGs need no
 * temporary folder.
 */
final class ChartFiles {

    static {
        // A PNG is encoded into memory; javax.imageio would otherwise buffer it in a cache file in
        // java.io.tmpdir, and fail ("Can't create cache file!") where that folder takes no files.
        ImageIO.setUseCache(false);
    }

    private ChartFiles() {
    }

    /**
     * Writes the formats asked for; returns the chart's picture as {@code index.html} embeds it
     * ({@link #embedded}), or null when no HTML is asked for.
     */
    static String write(ReportChart chart, Path directory, Set<OutputFormat> formats) {
        boolean html = formats.contains(OutputFormat.HTML);
        try {
            byte[] png = formats.contains(OutputFormat.PNG) || html
                    ? BitmapEncoder.getBitmapBytes(chart.chart(), BitmapEncoder.BitmapFormat.PNG) : null;
            if (formats.contains(OutputFormat.PNG)) {
                OutputFiles.write(directory.resolve(chart.fileStem() + ".png"), png);
            }
            String svg = formats.contains(OutputFormat.SVG) || html
                    ? OutputFiles.withoutControlCharacters(svg(chart)) : null;
            if (formats.contains(OutputFormat.SVG)) {
                OutputFiles.writeText(directory.resolve(chart.fileStem() + ".svg"),
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg);
            }
            return html ? embedded(chart, svg, png) : null;
        } catch (IOException e) {
            throw new ReportException(directory.resolve(chart.fileStem()) + ": cannot write the chart (" + e.getMessage() + ")");
        }
    }

    /**
     * The smaller of the two ways to put a chart inside one HTML file: its SVG inline, or its PNG as
     * a data URI. The PNG is drawn at the chart's own size, which is the size the page shows it at
     * (as the SVG's {@code width} and {@code height}), so neither is larger than it is shown; XChart's
     * SVG draws every letter as outlines, which makes it the larger of the two for most charts.
     */
    static String embedded(ReportChart chart, String svg, byte[] png) {
        String img = "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                + "\" width=\"" + chart.chart().getWidth() + "\" height=\"" + chart.chart().getHeight()
                + "\" alt=\"" + Html.escape(chart.title() + " (models: " + String.join(", ", chart.models()) + ")") + "\">";
        return img.length() < svg.length() ? img : svg;
    }

    private static final java.util.regex.Pattern EXCESS_DECIMALS = java.util.regex.Pattern.compile("(\\d\\.\\d)\\d+");

    private static String svg(ReportChart chart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart.chart(), bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = bytes.toString(StandardCharsets.UTF_8);
        // VectorGraphics2D numbers its clip paths by hash; several charts inlined in one HTML page
        // must not share an id, so each chart's ids get its file name as a prefix.
        svg = svg.replace("id=\"clip", "id=\"" + chart.fileStem() + "-clip")
                .replace("url(#clip", "url(#" + chart.fileStem() + "-clip");
        // XChart draws text as glyph outlines with coordinates to 1/10^8 px; a tenth of a pixel
        // looks the same and halves the file (and the self-contained HTML that inlines it).
        svg = EXCESS_DECIMALS.matcher(svg).replaceAll("$1");
        int root = svg.indexOf("<svg");
        svg = svg.substring(root);
        int rootEnd = svg.indexOf('>') + 1;
        String description = "<title>" + Html.escape(chart.title()) + "</title><desc>Models: "
                + Html.escape(String.join(", ", chart.models())) + "</desc>";
        return svg.substring(0, rootEnd) + description + svg.substring(rootEnd);
    }
}
