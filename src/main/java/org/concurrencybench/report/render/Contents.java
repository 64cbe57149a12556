package org.concurrencybench.report.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's table of contents, made from the document's own headings so that it follows
 * whatever sections a run has: every heading gets the anchor GitHub gives it in {@code report.md}
 * (lower case, punctuation dropped, spaces to '-', a repeated one numbered -1, -2...), the same
 * anchor is the heading's id in {@code index.html}, and the list of level-2 sections goes under
 * the first of them (the report's answers), before the second.
 */
final class Contents {

    /** The level of the sections the list links. */
    static final int SECTION_LEVEL = 2;

    /** A linked section: its heading's text and anchor. */
    record Entry(String text, String anchor) {
    }

    private final Map<ReportDocument.Heading, String> anchors = new java.util.IdentityHashMap<>();
    private final List<Entry> sections = new ArrayList<>();
    private final ReportDocument.Heading second;

    private Contents(ReportDocument document) {
        Map<String, Integer> seen = new HashMap<>();
        anchor(document.title(), seen); // the title is the page's first heading: GitHub counts it too
        ReportDocument.Heading secondSection = null;
        for (ReportDocument.Block block : document.blocks()) {
            if (block instanceof ReportDocument.Heading heading) {
                String anchor = anchor(heading.text(), seen);
                anchors.put(heading, anchor);
                if (heading.level() == SECTION_LEVEL) {
                    sections.add(new Entry(heading.text(), anchor));
                    if (sections.size() == 2) {
                        secondSection = heading;
                    }
                }
            }
        }
        this.second = secondSection;
    }

    static Contents of(ReportDocument document) {
        return new Contents(document);
    }

    /** The anchor of a heading of this document. */
    String anchor(ReportDocument.Heading heading) {
        return anchors.get(heading);
    }

    /** Whether the list goes just before this block: the second section's heading (a list of one is left out). */
    boolean goesBefore(ReportDocument.Block block) {
        return block == second;
    }

    List<Entry> sections() {
        return List.copyOf(sections);
    }

    /** GitHub's heading anchor: lower case, letters, digits, '-' and '_' kept, spaces to '-', the rest dropped. */
    static String slug(String text) {
        StringBuilder out = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    private static String anchor(String text, Map<String, Integer> seen) {
        String slug = slug(text);
        int count = seen.merge(slug, 1, Integer::sum);
        return count == 1 ? slug : slug + "-" + (count - 1);
    }
}
