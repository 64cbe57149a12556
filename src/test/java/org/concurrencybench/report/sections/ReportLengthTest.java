package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.report.ReportCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 30, item 2: the default example's report (the committed run the README shows) is at most
 * 300 lines, with each explanation printed once, and its workload tables a row per model.
 */
class ReportLengthTest {

    static final Path EXAMPLE = Path.of("results/20261207-202314-dev-2core");
    static final int MOST_LINES = 300;

    @TempDir
    static Path dir;
    static List<String> lines;

    @BeforeAll
    static void writeReport() throws Exception {
        System.setProperty("java.awt.headless", "true");
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ReportCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute(EXAMPLE.toString(), "--out", dir.toString(), "--format", "md,png");
        assertEquals(0, exit, out.toString());
        lines = Files.readString(dir.resolve("report.md")).lines().toList();
    }

    @Test
    void theDefaultExamplesReportIsAtMost300Lines() {
        assertTrue(lines.size() <= MOST_LINES, lines.size() + " lines:\n" + String.join("\n", lines));
    }

    @Test
    void theLeftOutNoteIsPrintedInFullOnceAndReferredToAfter() {
        assertEquals(1, lines.stream().filter(line -> line.contains(ScalingSection.LEFT_OUT_NOTE)).count());
        assertEquals(3, lines.stream().filter(line -> line.startsWith("\u00b9 Efficiency, Karp-Flatt and the scaling-law"
                + " fits left out as under CPU's table.")).count(), "SLEEP, IO, MIXED refer to it");
    }

    @Test
    void aWorkloadTableOfTwoCoreCountsHasARowPerModel() {
        int header = lines.indexOf("**CPU: every model and core count**") + 2;
        List<String> rows = lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|")).toList();
        assertEquals(10, rows.size(), "one per model: " + rows);
        assertEquals(1, rows.stream().filter(row -> row.startsWith("| SEQUENTIAL |")).count());
        assertTrue(rows.get(1).startsWith("| THREAD_PER_TASK | 323 [302, 345], n 8 | 0.927 [0.827, 1.04] |"), rows.get(1));
        assertTrue(rows.get(1).contains("| 200 [167, 238], n 8 | 1.48 [1.20, 1.84] / 1.50 [1.24, 1.82] | 0.751 [0.621, 0.909]; 0.331 |"),
                rows.get(1));
    }
}
