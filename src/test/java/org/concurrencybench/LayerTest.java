package org.concurrencybench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rooms stay as drawn: every reference from main code to another package of the suite (an import,
 * a static import or a fully qualified name) points down the table below, never up or sideways.
 * The same table is drawn in docs/code.md; change both together.
 */
class LayerTest {

    /** Packages below {@code org.concurrencybench}, lowest first; one row may use the rows above it, not its own siblings. */
    static final List<List<String>> LAYERS = List.of(
            List.of("api"),
            List.of("workload"),
            List.of("workload.user"),
            List.of("gil", "eventloop", "process"),
            List.of("model"),
            List.of("bench", "results"),
            List.of("results.cpython"),
            List.of("report.stats"),
            List.of("report.input"),
            List.of("report.render"),
            List.of("report.analysis"),
            List.of("report.compare"),
            List.of("report.charts"),
            List.of("report.sections"),
            List.of("report.sections.compare"),
            List.of("report"),
            List.of("sweep.machine"),
            List.of("sweep.plan"),
            List.of("sweep.jmh"),
            List.of("sweep.cpython"),
            List.of("sweep", "remote"));

    /** Packages that import nothing of the suite at all: what users compile against, and the statistics. */
    static final Set<String> STANDALONE = Set.of("api", "report.stats");

    private static final String ROOT = "org.concurrencybench.";
    /** A package of the suite named before a class ({@code .Sweep}) or a wildcard ({@code .*}, imports). */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.concurrencybench\\.([a-z][a-z0-9.]*?)\\.(?:[A-Z]|\\*)");
    private static final Pattern PACKAGE = Pattern.compile("^package org\\.concurrencybench\\.([a-z0-9.]+);", Pattern.MULTILINE);

    @Test
    void mainCodeReferencesOnlyLowerLayers() throws IOException {
        Path main = Path.of("src/main/java/org/concurrencybench");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                violations.addAll(violations(main.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertEquals(List.of(), violations, "references against the layer table (LayerTest.LAYERS, docs/code.md)");
    }

    @Test
    void everyPackageOfMainCodeHasARow() throws IOException {
        Path main = Path.of("src/main/java/org/concurrencybench");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> missing = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> main.relativize(f.getParent()).toString().replace('/', '.')).distinct()
                    .filter(p -> rank(p) < 0).toList();
            assertEquals(List.of(), missing, "packages with no row in LayerTest.LAYERS");
        }
    }

    @Test
    void anImportUpTheTableIsCaught() {
        assertEquals(1, violations("X.java", "package org.concurrencybench.report.input;\n"
                + "import org.concurrencybench.report.analysis.ScalingAnalysis;\n").size());
        assertEquals(1, violations("X.java", "package org.concurrencybench.gil;\n"
                + "class X { Object o = new org.concurrencybench.eventloop.EventLoop(); }\n").size(), "sideways, fully qualified");
        assertEquals(1, violations("X.java", "package org.concurrencybench.report.stats;\n"
                + "import static org.concurrencybench.workload.CpuKernel.run;\n").size(), "statistics import nothing of the suite");
        assertTrue(violations("X.java", "package org.concurrencybench.report.sections;\n"
                + "import org.concurrencybench.report.input.RunResults;\n"
                + "/** Not {@link org.concurrencybench.sweep.Sweep}: comments do not count. */\n").isEmpty());
    }

    @Test
    void aWildcardImportUpTheTableIsCaught() {
        assertEquals(List.of("X.java (report) uses org.concurrencybench.sweep"), violations("X.java",
                "package org.concurrencybench.report;\nimport org.concurrencybench.sweep.*;\n"));
        assertEquals(1, violations("X.java", "package org.concurrencybench.gil;\n"
                + "import static org.concurrencybench.eventloop.EventLoop.*;\n").size(), "a static wildcard, sideways");
        assertTrue(violations("X.java", "package org.concurrencybench.report;\n"
                + "import org.concurrencybench.report.input.*;\n").isEmpty(), "a wildcard down the table");
    }

    @Test
    void aCommentMarkInsideALiteralHidesNothing() {
        String afterAGlob = "package org.concurrencybench.report;\n"
                + "class X { String jars = \"lib/*\";\n"
                + "  org.concurrencybench.sweep.Sweep up;\n"
                + "  String end = \"*/\"; }\n";
        assertEquals(1, violations("X.java", afterAGlob).size(), "'/*' in a string literal opens no comment");
        String afterASlashes = "package org.concurrencybench.report;\n"
                + "class X { String url = \"http://x\"; org.concurrencybench.sweep.Sweep up; }\n";
        assertEquals(1, violations("X.java", afterASlashes).size(), "'//' in a string literal is no line comment");
        String afterAChar = "package org.concurrencybench.report;\n"
                + "class X { char quote = '\"'; org.concurrencybench.sweep.Sweep up; String s = \"\\\"/*\"; }\n";
        assertEquals(1, violations("X.java", afterAChar).size(), "a quote in a char literal opens no string");
        String afterATextBlock = "package org.concurrencybench.report;\n"
                + "class X { String s = \"\"\"\n   \"quoted\" /* and \\\"\"\" still text\n   \"\"\";\n"
                + "  org.concurrencybench.sweep.Sweep up; }\n";
        assertEquals(1, violations("X.java", afterATextBlock).size(), "'/*' in a text block opens no comment");
        assertTrue(violations("X.java", "package org.concurrencybench.report;\n"
                + "class X { String name = \"org.concurrencybench.sweep.Sweep\"; }\n").isEmpty(),
                "a class name inside a string is text, not a reference");
    }

    /** The references in one source file that point up or sideways, one line each. */
    static List<String> violations(String file, String source) {
        Matcher declared = PACKAGE.matcher(source);
        if (!declared.find()) {
            return List.of(file + ": no package of the suite");
        }
        String own = declared.group(1);
        String code = JavaCode.withoutCommentsAndLiterals(source);
        List<String> found = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(code);
        while (reference.find()) {
            String target = reference.group(1);
            if (target.equals(own)) {
                continue;
            }
            boolean allowed = !STANDALONE.contains(own) && rank(target) >= 0 && rank(target) < rank(own);
            String line = file + " (" + own + ") uses " + ROOT + target;
            if (!allowed && !found.contains(line)) {
                found.add(line);
            }
        }
        return found;
    }

    private static int rank(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }
}
