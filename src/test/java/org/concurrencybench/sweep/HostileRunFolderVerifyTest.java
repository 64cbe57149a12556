package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.concurrencybench.report.ReportCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Crafted copies of committed run folders handed to both {@code report}
 * and {@code verify}. Each number read is screened once, by the reader both commands share, so a
 * cell the report cannot show is one {@code verify} fails, and a damaged or missing file is one
 * line naming it from either command.
 */
class HostileRunFolderVerifyTest {

    /** In rounds, with CPython at 1 and 2 cores (131 planned cells). */
    private static final Path ROUNDS_RUN = Path.of("results/20261205-001727-dev-2core");
    /** From before rounds, with CPython at 1 and 2 cores. */
    private static final Path PLAIN_RUN = Path.of("results/20261201-081732-dev-2core");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private int verify(Path run) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine command = new CommandLine(new VerifyCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(run.toString());
    }

    private int report(Path run) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine command = new CommandLine(new ReportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(run.toString(), "--out", temp.resolve("out-" + run.getFileName()).toString(),
                "--format", "md,csv");
    }

    private String reportMarkdown(Path run) throws IOException {
        return Files.readString(temp.resolve("out-" + run.getFileName()).resolve("report.md"));
    }

    /** A copy of a committed run without its logs (the report and verify never read them). */
    private Path copy(Path run, String name) throws IOException {
        Path target = temp.resolve(name);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path file : files.toList()) {
                Path relative = run.relativize(file);
                if (relative.startsWith("logs")) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target.resolve(relative.toString()));
                } else {
                    Files.copy(file, target.resolve(relative.toString()));
                }
            }
        }
        return target;
    }

    private static void edit(Path file, Consumer<JsonNode> change) throws IOException {
        JsonNode tree = JSON.readTree(file.toFile());
        change.accept(tree);
        JSON.writeValue(file.toFile(), tree);
    }

    /** Sets every sample of CPython's sequential CPU batch at 1 core to {@code value}. */
    private static void cpythonScores(Path run, double value) throws IOException {
        edit(run.resolve("cpython-cores-1.json"), tree -> {
            for (JsonNode entry : tree.get("benchmarks")) {
                if (entry.path("params").path("workload").asText().equals("CPU")
                        && entry.path("params").path("form").asText().equals("sequential")) {
                    ObjectNode metric = (ObjectNode) entry.get("primaryMetric");
                    metric.put("score", value);
                    ArrayNode raw = JSON.createArrayNode();
                    metric.get("rawData").forEach(row -> {
                        ArrayNode values = raw.addArray();
                        row.forEach(v -> values.add(value));
                    });
                    metric.set("rawData", raw);
                }
            }
        });
    }

    private int oneLineError(int code) {
        assertEquals(1, err.toString().lines().count(), err.toString());
        return code;
    }

    @Test
    void theCommittedRunsPassVerify() {
        assertEquals(0, verify(ROUNDS_RUN), out + "" + err);
        assertTrue(out.toString().contains("measured 131 of 131 cells"), out.toString());
    }

    /** Item 5: −3, 0 or 1e308 in CPython's file gave "1/-174 of the simulation's", a crash and a 300-digit ratio. */
    @Test
    void cpythonScoresThatAreNoMeasurementAreNotMeasurable() throws Exception {
        for (double value : new double[] {-3, 0, 1e308}) {
            Path run = copy(PLAIN_RUN, "cpython" + (int) Math.signum(value));
            cpythonScores(run, value);
            assertEquals(0, report(run), value + ": " + err);
            String markdown = reportMarkdown(run);
            assertFalse(markdown.contains("1/-") || markdown.contains("1/∞") || markdown.matches("(?s).*\\d{30}.*"),
                    value + ": an absurd figure in the report");
            assertTrue(markdown.contains("not measurable: "), value + ": the CPython cell says why it has no number");
            assertEquals(SweepCommand.CELLS_FAILED, verify(run), value + ": " + out);
            assertTrue(out.toString().contains("cpython-cores-1.json") && out.toString().contains("not measurable: "),
                    out.toString());
        }
    }

    /** Item 6: a deleted CPython file passed verify and the report showed CPython at 1 core without a word. */
    @Test
    void aMissingCpythonFileIsSaidByBoth() throws Exception {
        Path run = copy(ROUNDS_RUN, "nocpython2");
        Files.delete(run.resolve("cpython-cores-2.json"));
        assertEquals(SweepCommand.CELLS_FAILED, verify(run), out.toString());
        assertTrue(out.toString().contains("cpython-cores-2.json"), out.toString());
        assertEquals(0, report(run), err.toString());
        assertTrue(reportMarkdown(run).contains("cpython-cores-2.json"), "the report says CPython's 2 cores are missing");
    }

    /** Item 6: a truncated CPython file or a damaged round file passed verify "131 of 131". */
    @Test
    void aDamagedCpythonOrRoundFileFailsVerifyInOneLine() throws Exception {
        Path cpython = copy(ROUNDS_RUN, "truncated");
        String text = Files.readString(cpython.resolve("cpython-cores-2.json"));
        Files.writeString(cpython.resolve("cpython-cores-2.json"), text.substring(0, text.length() / 2));
        assertEquals(SweepCommand.ERROR, oneLineError(verify(cpython)));
        assertTrue(err.toString().contains("cpython-cores-2.json: truncated JSON"), err.toString());

        Path round = copy(ROUNDS_RUN, "damagedround");
        Path file = round.resolve("rounds/round-2/cores-1-models.json");
        Files.writeString(file, Files.readString(file).substring(0, 100));
        assertEquals(SweepCommand.ERROR, oneLineError(verify(round)));
        assertTrue(err.toString().contains("round-2/cores-1-models.json"), err.toString());
    }

    /** Item 6: a run stopped before its rounds ended passed verify. */
    @Test
    void aRunWhoseRoundsDidNotEndFailsVerifyAndTheReportSaysSo() throws Exception {
        Path run = copy(ROUNDS_RUN, "stopped");
        edit(run.resolve("machine.json"), tree -> {
            ObjectNode rounds = (ObjectNode) tree.get("rounds");
            rounds.putNull("finished");
            rounds.putNull("stoppedBy");
        });
        assertEquals(SweepCommand.CELLS_FAILED, verify(run), out.toString());
        assertTrue(out.toString().contains("rounds"), out.toString());
        assertEquals(0, report(run), err.toString());
        assertTrue(reportMarkdown(run).contains("rounds did not end"), "the report says the rounds did not end");
    }

    /** Item 7: odd core-count files and a CPython failure without a benchmark crashed both commands. */
    @Test
    void oddFilesAreOneLineNamingThem() throws Exception {
        for (String name : List.of("cores-0.json", "cores-99999999999999999999.json")) {
            Path run = copy(ROUNDS_RUN, "odd" + name.length());
            Files.copy(run.resolve("cores-1.json"), run.resolve(name));
            assertEquals(SweepCommand.ERROR, oneLineError(verify(run)), name);
            assertTrue(err.toString().contains(name) && err.toString().contains("expected cores-N.json"), err.toString());
            assertEquals(1, oneLineError(report(run)), name);
            assertTrue(err.toString().contains(name) && !err.toString().contains("unexpectedly"), err.toString());
        }
        Path run = copy(ROUNDS_RUN, "failednobenchmark");
        edit(run.resolve("cpython-cores-1.json"), tree -> ((ObjectNode) tree).set("failed",
                JSON.createArrayNode().add(JSON.createObjectNode().put("reason", "x"))));
        assertEquals(1, oneLineError(report(run)));
        assertTrue(err.toString().contains("cpython-cores-1.json: failed[0]") && !err.toString().contains("unexpectedly"),
                err.toString());
        assertEquals(SweepCommand.ERROR, oneLineError(verify(run)));
        assertTrue(err.toString().contains("cpython-cores-1.json: failed[0]"), err.toString());
    }

    /** Item 9: a damaged outcomes.json gave verify two lines of Jackson without the file's name. */
    @Test
    void aDamagedOutcomesFileIsOneLineFromBoth() throws Exception {
        Path run = copy(ROUNDS_RUN, "outcomes");
        Files.writeString(run.resolve("outcomes.json"), "[{\"cores\": 1, \"benchm");
        assertEquals(SweepCommand.ERROR, oneLineError(verify(run)));
        String verifyLine = err.toString();
        assertEquals(1, oneLineError(report(run)));
        assertTrue(verifyLine.contains("outcomes.json: damaged") && err.toString().contains("outcomes.json: damaged"),
                verifyLine + err);
    }

    /** Item 9: cells the report calls not measurable (1e308, 200,000 samples) passed verify. */
    @Test
    void verifyFailsEveryCellTheReportCannotShow() throws Exception {
        for (String raw : List.of("1e308", "many")) {
            Path run = copy(ROUNDS_RUN, "cell-" + raw);
            edit(run.resolve("cores-1.json"), tree -> tree.forEach(result -> {
                if (result.path("params").path("model").asText().equals("FIXED_POOL")
                        && result.path("params").path("workload").asText().equals("CPU")) {
                    ObjectNode metric = (ObjectNode) result.get("primaryMetric");
                    ArrayNode rows = JSON.createArrayNode();
                    for (JsonNode row : metric.get("rawData")) {
                        ArrayNode values = rows.addArray();
                        int count = raw.equals("many") ? 40_000 : row.size();
                        for (int i = 0; i < count; i++) {
                            values.add(raw.equals("many") ? 5.0 : 1e308);
                        }
                    }
                    metric.set("rawData", rows);
                }
            }));
            assertEquals(0, report(run), err.toString());
            assertTrue(reportMarkdown(run).contains("not measurable: "), raw);
            assertEquals(SweepCommand.CELLS_FAILED, verify(run), raw + ": " + out);
            assertTrue(out.toString().contains("cores=1 ModelBenchmark.batch model=FIXED_POOL workload=CPU: FAILED:"
                    + " not measurable: "), out.toString());
        }
    }
}
