package org.concurrencybench.report.render;

import java.util.List;

/**
 * Writes a {@link ReportDocument} as GitHub-flavoured Markdown ({@code report.md}). Values from
 * result files are escaped so that a label cannot break a table or inject HTML. The
 * {@link Contents} list goes under the first section, linking GitHub's heading anchors.
 */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(ReportDocument document) {
        StringBuilder out = new StringBuilder("# ").append(text(document.title())).append("\n\n");
        Contents contents = Contents.of(document);
        List<ReportDocument.Block> blocks = document.blocks();
        for (int at = 0; at < blocks.size(); at++) {
            ReportDocument.Block block = blocks.get(at);
            if (contents.goesBefore(block)) {
                // One line: a list of a dozen sections would push the first section a screen down.
                out.append("**Contents**: ").append(String.join(" \u00b7 ", contents.sections().stream()
                        .map(entry -> "[" + text(entry.text()).replace("]", "\\]") + "](#" + entry.anchor() + ")")
                        .toList())).append("\n\n");
            }
            switch (block) {
                case ReportDocument.Heading heading ->
                        out.append("#".repeat(heading.level())).append(' ').append(text(heading.text())).append("\n\n");
                case ReportDocument.Paragraph paragraph -> out.append(text(paragraph.text())).append("\n\n");
                case ReportDocument.Bullets bullets -> {
                    bullets.items().forEach(item -> out.append("- ").append(text(item)).append('\n'));
                    out.append('\n');
                }
                case ReportDocument.Table table -> table(out, table);
                case ReportDocument.Figure figure -> {
                    String file = figure.pngFile() != null ? figure.pngFile() : figure.svgFile();
                    if (file != null) {
                        // Figures in a row share a line: they show side by side, and the text stays short.
                        boolean nextIsFigure = at + 1 < blocks.size() && blocks.get(at + 1) instanceof ReportDocument.Figure next
                                && (next.pngFile() != null || next.svgFile() != null);
                        out.append("![").append(text(figure.title()).replace("]", "\\]")).append("](").append(file)
                                .append(nextIsFigure ? ") " : ")\n\n");
                    }
                }
                case ReportDocument.Link link ->
                        out.append('[').append(text(link.text())).append("](").append(link.target()).append(")\n\n");
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, ReportDocument.Table table) {
        if (table.caption() != null) {
            out.append("**").append(text(table.caption())).append("**\n\n");
        }
        row(out, table.headers());
        out.append('|').append(" --- |".repeat(table.headers().size())).append('\n');
        table.rows().forEach(row -> row(out, row));
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(text(cell).replace("|", "\\|")).append(" |"));
        out.append('\n');
    }

    /** Escapes what Markdown would read as HTML; keeps everything else readable as plain text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }
}
