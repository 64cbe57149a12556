package org.concurrencybench.report;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.sections.SummaryCsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a user meets it: exit codes, one-line errors, warnings, formats, help, escaping. */
class ReportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private int run(String... args) {
        CommandLine command = new CommandLine(new ReportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void writesReportAndSaysWhere(@TempDir Path temp) {
        assertEquals(0, run(Fixtures.run("laptop").toString(), "--out", temp.toString()));
        assertTrue(out.toString().startsWith("report written to "), out.toString());
        assertTrue(Files.isRegularFile(temp.resolve("report.md")));
    }

    @Test
    void aRunComparedWithItselfGetsDistinctNames(@TempDir Path temp) throws Exception {
        // Two unlabelled runs of one host share a label; one folder given twice shares even the id.
        String laptop = Fixtures.run("laptop").toString();
        assertEquals(0, run(laptop, laptop, "--out", temp.toString(), "--format", "md,png"), err.toString());
        String report = Files.readString(temp.resolve("report.md"));
        assertTrue(report.contains("(A)") && report.contains("(B)"), report.lines().limit(3).toList().toString());
    }

    @Test
    void aRehearsalReportsAsOneAndIsNeverComparedWithAMeasurement(@TempDir Path temp) throws Exception {
        Path rehearsal = Fixtures.copy("laptop", temp.resolve("rehearsal"));
        Path machine = rehearsal.resolve("machine.json");
        Files.writeString(machine, Files.readString(machine).replaceFirst("\\{", "{\"rehearsal\": true,"));
        assertEquals(0, run(rehearsal.toString(), "--out", temp.resolve("alone").toString(), "--format", "md"),
                err.toString());
        assertTrue(Files.readString(temp.resolve("alone/report.md")).startsWith("# Rehearsal (not a measurement)"));

        err.getBuffer().setLength(0);
        assertEquals(2, run(Fixtures.run("laptop").toString(), rehearsal.toString(), "--out",
                temp.resolve("both").toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("a rehearsal") && err.toString().contains("a measurement"), err.toString());
        assertFalse(Files.exists(temp.resolve("both")));
    }

    @Test
    void brokenFilesGiveOneLineAndExitCodeOne(@TempDir Path temp) {
        for (String broken : List.of("damaged", "truncated", "empty")) {
            err.getBuffer().setLength(0);
            assertEquals(1, run(Fixtures.run(broken).toString(), "--out", temp.toString()), broken);
            String message = err.toString();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.startsWith("run-benchmarks.sh: ") && message.contains(broken + "/cores-1.json: "), message);
            assertFalse(message.contains("Exception"), message);
        }
        err.getBuffer().setLength(0);
        assertEquals(1, run(Fixtures.run("empty").toString(), "--out", temp.toString()));
        assertTrue(err.toString().contains("cores-1.json: empty file (the run that wrote it probably stopped early)"));
    }

    @Test
    void noSequentialBaselineWarnsAndStillWritesTheReport(@TempDir Path temp) throws Exception {
        Path run = Fixtures.run("no-sequential");
        assertEquals(0, run(run.toString(), "--out", temp.toString()));
        String warning = "warning: " + String.format(ScalingAnalysis.NO_BASELINE_WARNING, "CPU", run);
        assertEquals(warning, err.toString().strip());
        String report = Files.readString(temp.resolve("report.md"));
        assertTrue(report.contains("No SEQUENTIAL baseline in this run: speedups, efficiency and Karp-Flatt are absent."));
        assertTrue(report.contains("| FIXED_POOL | 104 [104, 104], n 6 | \u2014 | ok | 54.6 [54.6, 54.6], n 6 | \u2014 | \u2014 | ok |"),
                report);
        assertTrue(Files.exists(temp.resolve("cpu-time.png")));
        assertFalse(Files.exists(temp.resolve("cpu-speedup.png")), "no speedup chart without a baseline");
    }

    @Test
    void htmlAndMarkdownEscapeLabelsFromFiles(@TempDir Path temp) throws Exception {
        Path run = Fixtures.copy("laptop", temp.resolve("run"));
        Path machine = run.resolve("machine.json");
        Files.writeString(machine, Files.readString(machine)
                .replace("\"label\": \"laptop\"", "\"label\": \"<script>alert('label')</script>\""));
        Path cores = run.resolve("cores-1.json");
        Files.writeString(cores, Files.readString(cores).replaceFirst("\"MY_MODEL\"", "\"<script>alert(1)</script>\""));
        assertEquals(0, run(run.toString(), "--out", temp.resolve("out").toString()), err.toString());
        String html = Files.readString(temp.resolve("out/index.html"));
        assertFalse(html.contains("<script"), "no raw <script> in index.html");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("<img src=\"data:image/png;base64,") || html.contains("<svg"), "charts are inside the file");
        assertFalse(html.matches("(?s).*<img src=\"(?!data:).*"), "no chart is a file beside it");
        assertFalse(Files.readString(temp.resolve("out/report.md")).contains("<script"));
    }

    @Test
    void formatPicksFiles(@TempDir Path temp) throws Exception {
        assertEquals(0, run(Fixtures.run("laptop").toString(), "--out", temp.toString(), "--format", "md,csv"));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of("fits.csv", "report.md", "summary.csv"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(2, run(Fixtures.run("laptop").toString(), "--out", temp.toString(), "--format", "pdf"));
        assertTrue(err.toString().contains("--format: unknown format 'pdf'"), err.toString());
    }

    @Test
    void helpExplainsEveryOption() {
        assertEquals(0, run("-h"));
        String help = out.toString();
        for (String option : List.of("RUN_DIR", "--out", "--format", "--confidence", "--min-change", "--run-noise",
                "--fit", "--help", "--version", "Exit codes")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run());
        assertEquals(2, run(Fixtures.run("laptop").toString(), "--confidence", "1.5"));
        assertEquals(2, run(Fixtures.run("laptop").toString(), "--run-noise", "-1"));
        assertTrue(err.toString().contains("run-benchmarks.sh: --run-noise must be a percentage"), err.toString());
        assertEquals(2, run(Fixtures.run("laptop") + ",", Fixtures.run("server").toString()));
        assertTrue(err.toString().contains("an empty run folder name between commas"), err.toString());
        assertEquals(2, run(Fixtures.run("laptop").toString(), "--min-change", "-1"));
        assertEquals(2, run(Fixtures.run("laptop").toString(), "--fit", "weighted"));
    }

    @Test
    void comparisonCsvHasTheIssuesColumnsAndTheRunLevelTermGiven(@TempDir Path temp) throws Exception {
        assertEquals(0, run(Fixtures.run("laptop").toString(), Fixtures.run("server").toString(), "--out",
                temp.toString(), "--format", "csv,md", "--run-noise", "1.5", "--min-change", "5"));
        List<String> lines = Files.readAllLines(temp.resolve("comparison.csv"));
        assertEquals(String.join(",", SummaryCsv.COMPARISON_COLUMNS), lines.get(0));
        assertTrue(lines.get(0).startsWith("model,workload,cores,n_a,n_b,ratio,ratio_low,ratio_high,answer,"), lines.get(0));
        assertTrue(lines.get(1).contains(",0.0150000,given,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",0.0500000"), lines.get(1));
        String report = Files.readString(temp.resolve("report.md"));
        assertTrue(report.contains("1.50% per run, given with --run-noise"), report);
        assertTrue(report.matches("(?s).*Answer over \\d+ cells: \\d+ slower, \\d+ faster, \\d+ the same, \\d+ we cannot tell.*"),
                report);
    }

    @Test
    void severalRunsASideMeasureTheRunLevel(@TempDir Path temp) throws Exception {
        String a = "results/20261204-224720-dev-2core-rounds-A";
        String a2 = "results/20261204-225112-dev-2core-rounds-A2";
        String b = "results/20261204-225502-dev-2core-rounds-B";
        assertEquals(0, run(a + "," + a2, b, "--out", temp.toString(), "--format", "csv,md"), err.toString());
        String report = Files.readString(temp.resolve("report.md"));
        assertTrue(report.contains("per run, measured from 2 runs of A and 1 of B (pooled over the cells, 12 degrees"
                + " of freedom)"), report);
        List<String> lines = Files.readAllLines(temp.resolve("comparison.csv"));
        assertTrue(lines.get(1).contains(",2,1,") && lines.get(1).contains(",measured,"), lines.get(1));
        for (String folder : List.of("20261204-224720-dev-2core-rounds-A", "20261204-225112-dev-2core-rounds-A2",
                "20261204-225502-dev-2core-rounds-B")) {
            assertTrue(Files.isRegularFile(temp.resolve(folder).resolve("report.md")), folder + ": each run's own report");
        }
    }

    @Test
    void defaultOutputFolders() {
        RunResults laptop = RunReader.read(Fixtures.run("laptop"));
        RunResults server = RunReader.read(Fixtures.run("server"));
        assertEquals(Path.of("charts", "laptop-run"), ReportGenerator.defaultOutput(List.of(laptop)));
        assertEquals(Path.of("charts", "compare-laptop-run-vs-server-run"),
                ReportGenerator.defaultOutput(List.of(laptop, server)));
    }

    @Test
    void summaryCsvHasOneRowPerCell(@TempDir Path temp) throws Exception {
        assertEquals(0, run(Fixtures.run("laptop").toString(), "--out", temp.toString(), "--format", "csv"));
        List<String> lines = Files.readAllLines(temp.resolve("summary.csv"));
        assertEquals(String.join(",", SummaryCsv.CELL_COLUMNS), lines.get(0));
        // CPU: 4 models x 3 core counts + MY_MODEL x 2; SLEEP: 4 x 3
        assertEquals(1 + 14 + 12, lines.size());
        assertTrue(lines.contains(lines.stream().filter(l -> l.startsWith("laptop-run,CPU,SEQUENTIAL,1,6,100.000,"))
                .findFirst().orElseThrow()));
    }
}
