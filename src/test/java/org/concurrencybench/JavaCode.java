package org.concurrencybench;

/**
 * Java source with its comments and literals blanked, for checks that read code by pattern
 * (LayerTest). One pass that knows where each token starts: a regex that strips comments first
 * takes {@code "lib/*"} for the start of a comment and hides the code up to the next {@code *}{@code /},
 * and one that strips strings first is fooled by a quote inside a comment or a char literal.
 */
final class JavaCode {

    private JavaCode() {
    }

    /**
     * The source with each comment replaced by a space and each string, char or text-block literal
     * by an empty one ({@code ""}, {@code ''}); line breaks inside them are kept, so lines still count.
     */
    static String withoutCommentsAndLiterals(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
                code.append(' ');
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                code.append(' ').append(lineBreaks(source, i, stop));
                i = stop;
            } else if (source.startsWith("\"\"\"", i)) {
                int stop = endOfLiteral(source, i + 3, "\"\"\"");
                code.append("\"\"").append(lineBreaks(source, i, stop));
                i = stop;
            } else if (c == '"' || c == '\'') {
                int stop = endOfLiteral(source, i + 1, String.valueOf(c));
                code.append(c).append(c);
                i = stop;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** Where the literal whose text starts at {@code from} ends, past its {@code close}; a backslash escapes one character. */
    private static int endOfLiteral(String source, int from, String close) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(close, i)) {
                return i + close.length();
            } else if (close.length() == 1 && source.charAt(i) == '\n') {
                return i; // an unclosed one-line literal ends at its line, as the compiler would say
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static String lineBreaks(String source, int from, int to) {
        return "\n".repeat((int) source.substring(from, to).chars().filter(ch -> ch == '\n').count());
    }
}
