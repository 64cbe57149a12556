package org.concurrencybench.report.sections;

import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.OutputFormat;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.sections.compare.ComparisonReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Machines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dirty tree, and runs of different commits, are said in the report's first lines. */
class ProvenanceTest {

    private static MachineInfo run(String id, String commit) {
        return Machines.of("runId", id, "suiteCommit", commit);
    }

    @Test
    void aCleanRunOrRunsOfOneCommitHaveNoWarning() {
        assertEquals(List.of(), Provenance.warnings(List.of(run("a", "4c0b47618024"))));
        assertEquals(List.of(), Provenance.warnings(List.of(run("a", "4c0b47618024"), run("b", "4c0b47618024"))));
    }

    @Test
    void aDirtyTreeIsNamed() {
        List<String> lines = Provenance.warnings(List.of(run("a", "4c0b47618024-dirty")));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("a was measured from a tree with uncommitted changes (suite commit 4c0b47618024-dirty)"),
                lines.get(0));
    }

    @Test
    void differentCommitsAreOneLineNamingBoth() {
        List<String> lines = Provenance.warnings(List.of(run("a", "4c0b47618024"), run("b", "7a4b85a00000")));
        assertEquals(List.of("Warning: the runs were made by different commits of the suite (a: 4c0b47618024,"
                + " b: 7a4b85a00000); a difference may come from the code, not the machine."), lines);
    }

    @Test
    void aCleanAndADirtyTreeOfOneCommitWarnOfTheDirtyOneOnly() {
        List<String> lines = Provenance.warnings(List.of(run("a", "4c0b47618024"), run("b", "4c0b47618024-dirty")));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("Warning: b was measured from a tree with uncommitted changes"), lines.get(0));
    }

    @Test
    void theWarningIsTheRunReportsFirstLine(@TempDir Path out) {
        RunResults results = new RunResults(Path.of("a"), run("a", "4c0b47618024-dirty"), new TreeMap<>(), List.of());
        ReportDocument document = RunReport.build(results, List.of(), 0.95, List.of(),
                new ChartSink(out, Set.of(OutputFormat.MD), Runnable::run));
        ReportDocument.Block first = document.blocks().get(0);
        assertTrue(first instanceof ReportDocument.Paragraph p && p.text().startsWith("Warning: a was measured"),
                first.toString());
    }

    @Test
    void theComparisonSaysDifferentCommitsFirst(@TempDir Path out) {
        RunResults a = new RunResults(Path.of("a"), run("a", "4c0b47618024"), new TreeMap<>(), List.of());
        RunResults b = new RunResults(Path.of("b"), run("b", "7a4b85a00000"), new TreeMap<>(), List.of());
        ReportDocument document = ComparisonReport.build(List.of(a, b), List.of(List.of(), List.of()), List.of(), 0.95,
                List.of(), new ChartSink(out, Set.of(OutputFormat.MD), Runnable::run));
        ReportDocument.Block first = document.blocks().get(0);
        assertTrue(first instanceof ReportDocument.Paragraph p && p.text().contains("different commits"), first.toString());
    }
}
