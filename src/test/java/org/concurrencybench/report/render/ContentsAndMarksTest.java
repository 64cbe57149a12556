package org.concurrencybench.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * index.html's contents list (every section heading linked by its anchor, under the first section)
 * and its inline marks (no Markdown's ** or backticks on the page); report.md gets the same list
 * with GitHub's anchors.
 */
class ContentsAndMarksTest {

    private static ReportDocument document() {
        return new ReportDocument("Concurrency models on vm")
                .paragraph("**2 cells FAILED**: see `outcomes.json`.")
                .heading(2, "Answers").bullets(List.of("VIRTUAL_THREADS is fastest on SLEEP."))
                .heading(2, "Machine").paragraph("the table")
                .heading(2, "Workload CPU").heading(3, "Cells short of 2%")
                .heading(2, "JVM start-up: BARE_JVM is `java -version`")
                .heading(2, "Workload CPU");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theHtmlListsEverySectionByItsHeadingsAnchorUnderTheFirstSection() {
        String html = HtmlRenderer.render(document());
        List<String> sectionIds = all(Pattern.compile("<h2 id=\"([^\"]+)\">"), html);
        assertEquals(List.of("answers", "machine", "workload-cpu", "jvm-start-up-bare_jvm-is-java--version",
                "workload-cpu-1"), sectionIds);
        String nav = html.substring(html.indexOf("<nav>"), html.indexOf("</nav>"));
        assertEquals(sectionIds, all(Pattern.compile("<a href=\"#([^\"]+)\">"), nav));
        assertTrue(html.indexOf("VIRTUAL_THREADS is fastest") < html.indexOf("<nav>")
                && html.indexOf("<nav>") < html.indexOf("<h2 id=\"machine\">"), "under the first section: " + html);
        assertTrue(html.contains("<h3 id=\"cells-short-of-2\">"), html);
    }

    @Test
    void theHtmlShowsNoMarkdownMarks() {
        String html = HtmlRenderer.render(document());
        assertTrue(html.contains("<p><strong>2 cells FAILED</strong>: see <code>outcomes.json</code>.</p>"), html);
        assertTrue(html.contains("BARE_JVM is <code>java -version</code></a></li>"), html);
        String text = html.replaceAll("<svg.*?</svg>", "");
        assertFalse(text.contains("**"), text);
        assertFalse(text.contains("`"), text);
        assertEquals("a &lt;b&gt; <strong>c</strong> ** d", Inline.html("a <b> **c** ** d"));
    }

    @Test
    void theMarkdownListsTheSameSectionsWithGithubsAnchors() {
        String md = MarkdownRenderer.render(document());
        assertTrue(md.contains("**Contents**: [Answers](#answers) \u00b7 [Machine](#machine)"
                + " \u00b7 [Workload CPU](#workload-cpu) \u00b7 [JVM start-up: BARE_JVM is `java -version`]"
                + "(#jvm-start-up-bare_jvm-is-java--version) \u00b7 [Workload CPU](#workload-cpu-1)\n\n## Machine"), md);
    }

    @Test
    void aDocumentOfOneSectionHasNoList() {
        ReportDocument one = new ReportDocument("t").heading(2, "Machine").paragraph("x");
        assertFalse(HtmlRenderer.render(one).contains("<nav>"));
        assertFalse(MarkdownRenderer.render(one).contains("Contents"));
    }
}
