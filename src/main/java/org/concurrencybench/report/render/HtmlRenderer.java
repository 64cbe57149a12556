package org.concurrencybench.report.render;

/**
 * Writes a {@link ReportDocument} as one self-contained {@code index.html}: inline CSS, charts
 * embedded at the size they are shown, as inline SVG or a PNG data URI, whichever is smaller, every text value HTML-escaped and its inline
 * marks rendered ({@link Inline}), an id on every heading and the {@link Contents} list linking
 * the sections, under the first.
 */
public final class HtmlRenderer {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;
            padding:0 1em;color:#222;line-height:1.45}
            table{border-collapse:collapse;margin:1em 0;font-size:0.9em}
            th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f3f3f3} caption{font-weight:bold;text-align:left;padding:4px 0}
            nav p{margin-bottom:0.2em} nav ul{margin-top:0}
            figure{margin:1.5em 0} figure svg,figure img{max-width:100%;height:auto} figcaption{font-size:0.9em;color:#555}
            """;

    private HtmlRenderer() {
    }

    public static String render(ReportDocument document) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(document.title())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(document.title())).append("</h1>\n");
        Contents contents = Contents.of(document);
        for (ReportDocument.Block block : document.blocks()) {
            if (contents.goesBefore(block)) {
                contents(out, contents);
            }
            switch (block) {
                case ReportDocument.Heading heading -> {
                    int level = Math.min(6, heading.level());
                    out.append("<h").append(level).append(" id=\"").append(Html.escape(contents.anchor(heading)))
                            .append("\">").append(Inline.html(heading.text())).append("</h").append(level).append(">\n");
                }
                case ReportDocument.Paragraph paragraph ->
                        out.append("<p>").append(Inline.html(paragraph.text())).append("</p>\n");
                case ReportDocument.Bullets bullets -> {
                    out.append("<ul>\n");
                    bullets.items().forEach(item -> out.append("<li>").append(Inline.html(item)).append("</li>\n"));
                    out.append("</ul>\n");
                }
                case ReportDocument.Table table -> table(out, table);
                case ReportDocument.Figure figure -> figure(out, figure);
                case ReportDocument.Link link -> out.append("<p><a href=\"").append(Html.escape(link.target()))
                        .append("\">").append(Inline.html(link.text())).append("</a></p>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** The list of sections, each linked to its heading's id. */
    private static void contents(StringBuilder out, Contents contents) {
        out.append("<nav>\n<p><strong>Contents</strong></p>\n<ul>\n");
        for (Contents.Entry entry : contents.sections()) {
            out.append("<li><a href=\"#").append(Html.escape(entry.anchor())).append("\">")
                    .append(Inline.html(entry.text())).append("</a></li>\n");
        }
        out.append("</ul>\n</nav>\n");
    }

    private static void table(StringBuilder out, ReportDocument.Table table) {
        out.append("<table>\n");
        if (table.caption() != null) {
            out.append("<caption>").append(Html.escape(table.caption())).append("</caption>\n");
        }
        out.append("<tr>");
        table.headers().forEach(header -> out.append("<th>").append(Html.escape(header)).append("</th>"));
        out.append("</tr>\n");
        for (var row : table.rows()) {
            out.append("<tr>");
            row.forEach(cell -> out.append("<td>").append(Inline.html(cell)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void figure(StringBuilder out, ReportDocument.Figure figure) {
        out.append("<figure>\n");
        if (figure.picture() != null) {
            out.append(figure.picture()).append('\n');
        } else if (figure.pngFile() != null) {
            out.append("<img src=\"").append(Html.escape(figure.pngFile())).append("\" alt=\"")
                    .append(Html.escape(figure.title())).append("\">\n");
        }
        out.append("<figcaption>").append(Html.escape(figure.title())).append("</figcaption>\n</figure>\n");
    }
}
