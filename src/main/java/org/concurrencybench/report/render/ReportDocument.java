package org.concurrencybench.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The report's content, independent of its file format: headings, paragraphs, lists, tables and
 * charts in order. {@link MarkdownRenderer} and {@link HtmlRenderer} turn the same document into
 * {@code report.md} and {@code index.html}, so the two never disagree. Text is plain (renderers
 * escape it) but for two inline marks both renderers show alike, {@code **strong**} and
 * {@code `code`} ({@link Inline}); a {@link Link} is a relative link to another file of the report.
 * Level-2 headings are the report's sections: the renderers list them ({@link Contents}).
 */
public final class ReportDocument {

    /** One piece of the document. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Table, Figure, Link {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullets(List<String> items) implements Block {
    }

    /** A table; {@code caption} may be null. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) implements Block {
    }

    /**
     * A chart; files are relative names (null when not written). Charts are drawn in parallel, so
     * the picture HTML embeds (inline SVG or a PNG data URI) arrives later: {@link #picture()} waits
     * for it (null when no HTML is written).
     */
    public record Figure(String title, String pngFile, String svgFile, CompletableFuture<String> pendingPicture)
            implements Block {

        public String picture() {
            try {
                return pendingPicture.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    public record Link(String text, String target) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public ReportDocument heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ReportDocument bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    public ReportDocument table(String caption, List<String> headers, List<List<String>> rows) {
        if (!rows.isEmpty()) {
            blocks.add(new Table(caption, List.copyOf(headers), List.copyOf(rows)));
        }
        return this;
    }

    public ReportDocument figure(Figure figure) {
        blocks.add(figure);
        return this;
    }

    public ReportDocument link(String text, String target) {
        blocks.add(new Link(text, target));
        return this;
    }
}
