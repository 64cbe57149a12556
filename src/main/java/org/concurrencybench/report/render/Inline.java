package org.concurrencybench.report.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two inline marks a {@link ReportDocument}'s text may carry, {@code **strong**} and
 * {@code `code`}, as HTML: what GitHub shows for the same text in {@code report.md}, so that
 * {@code index.html} never shows the marks themselves. The text is escaped first; an unpaired
 * mark stays as it is.
 */
final class Inline {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(\\S(?:[^*]*\\S)?)\\*\\*");

    private Inline() {
    }

    static String html(String text) {
        String escaped = Html.escape(text);
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(escaped);
        int at = 0;
        while (code.find()) {
            out.append(strong(escaped.substring(at, code.start()))).append("<code>").append(code.group(1))
                    .append("</code>");
            at = code.end();
        }
        return out.append(strong(escaped.substring(at))).toString();
    }

    private static String strong(String escaped) {
        return STRONG.matcher(escaped).replaceAll("<strong>$1</strong>");
    }
}
