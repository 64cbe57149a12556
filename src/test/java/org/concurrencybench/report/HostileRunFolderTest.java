package org.concurrencybench.report;

import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunNames;
import org.concurrencybench.report.input.RunResults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Run folders a hostile but fair user might hand the report. It writes only inside its
 * output folder, survives degenerate cells, bounds its default folder name and its input, and says
 * when a run is compared with itself.
 */
class HostileRunFolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path temp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private int report(String... args) {
        CommandLine command = new CommandLine(new ReportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private Path laptopWith(String name, String field, String value) throws Exception {
        Path run = Fixtures.copy("laptop", temp.resolve(name));
        ObjectNode machine = (ObjectNode) JSON.readTree(run.resolve("machine.json").toFile());
        machine.set(field, JSON.readTree(value));
        JSON.writeValue(run.resolve("machine.json").toFile(), machine);
        return run;
    }

    /** Defect 4: {@code "runId": ".."} wrote the comparison's files into the parent of --out. */
    @Test
    void aRunIdOfDotDotStaysInsideOut() throws Exception {
        Path evil = laptopWith("evil", "runId", "\"..\"");
        Path parent = Files.createDirectories(temp.resolve("parent"));
        Path target = parent.resolve("out");
        assertEquals(0, report(Fixtures.run("server").toString(), evil.toString(), "--out", target.toString(),
                "--format", "md,csv"), err.toString());
        try (var inParent = Files.list(parent)) {
            assertEquals(List.of(target), inParent.toList(), "nothing beside --out");
        }
    }

    /** Defect 4: {@code "runId": "."} made a run's own report overwrite the comparison's. */
    @Test
    void aRunIdOfDotKeepsTheComparisonsReport() throws Exception {
        Path dot = laptopWith("dot", "runId", "\".\"");
        Path target = temp.resolve("out");
        assertEquals(0, report(Fixtures.run("server").toString(), dot.toString(), "--out", target.toString(),
                "--format", "md"), err.toString());
        assertTrue(Files.readString(target.resolve("report.md")).startsWith("# Comparison:"),
                Files.readString(target.resolve("report.md")).lines().findFirst().orElse(""));
    }

    /** Defect 11: seven or more runs gave a default folder name over the file system's 255 bytes. */
    @Test
    void twelveRunsGetABoundedDefaultFolder() throws Exception {
        List<RunResults> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            runs.add(RunReader.read(laptopWith("run" + i, "runId", "\"20261201-0944" + (10 + i) + "-dev-2core-quick" + i + "\"")));
        }
        Path folder = ReportGenerator.defaultOutput(runs);
        String name = folder.getFileName().toString();
        assertTrue(name.length() <= 130, name);
        assertTrue(name.startsWith("compare-20261201-094410-dev-2core-quick0+11-"), name);
        new ReportGenerator(0.95, java.util.EnumSet.of(org.concurrencybench.report.render.OutputFormat.MD))
                .write(runs, temp.resolve(folder), warning -> { });
        assertTrue(Files.isRegularFile(temp.resolve(folder).resolve("report.md")));
    }

    /** Defect 6: a cell of zeros, one of 1e308 and one of negative times; the report is made and says why. */
    @Test
    void degenerateCellsAreNotMeasurableAndTheReportIsWritten() throws Exception {
        Path run = Fixtures.copy("laptop", temp.resolve("degenerate"));
        ArrayNode one = (ArrayNode) JSON.readTree(run.resolve("cores-1.json").toFile());
        setRaw(one, "FIXED_POOL", "CPU", "[[0.0,0.0,0.0],[0.0,0.0,0.0]]");
        setRaw(one, "VIRTUAL_THREADS", "CPU", "[[1e308]]");
        setRaw(one, "GLOBAL_LOCK", "CPU", "[[-104.0,-106.0,-102.0],[-105.0,-103.0,-104.0]]");
        JSON.writeValue(run.resolve("cores-1.json").toFile(), one);
        Path target = temp.resolve("out");
        assertEquals(0, report(run.toString(), "--out", target.toString(), "--format", "md,csv"), err.toString());
        String markdown = Files.readString(target.resolve("report.md"));
        assertTrue(markdown.contains("not measurable: a time of zero"), markdown);
        assertTrue(markdown.contains("not measurable: a sample of 1.0E308"), markdown);
        assertTrue(markdown.contains("not measurable: a negative sample (-104.0 ms/op)"), markdown);
        for (String line : Files.readAllLines(target.resolve("summary.csv"))) {
            assertFalse(line.matches("laptop-run,CPU,(FIXED_POOL|VIRTUAL_THREADS|GLOBAL_LOCK),1,.*"),
                    "no number for a cell that is not measurable: " + line);
        }
    }

    private static void setRaw(ArrayNode results, String model, String workload, String raw) throws Exception {
        for (var result : results) {
            if (result.path("params").path("model").asText().equals(model)
                    && result.path("params").path("workload").asText().equals(workload)) {
                ObjectNode primary = (ObjectNode) result.get("primaryMetric");
                primary.set("rawData", JSON.readTree(raw));
                primary.put("score", primary.get("rawData").get(0).get(0).asDouble());
            }
        }
    }

    /** Defect 12: a huge file is refused in one line with the limit, before it is parsed. */
    @Test
    void aHugeFileIsRefusedInOneLineWithTheLimit() throws Exception {
        Path run = Fixtures.copy("laptop", temp.resolve("huge"));
        String results = Files.readString(run.resolve("cores-2.json"));
        Files.writeString(run.resolve("cores-2.json"), results + " ".repeat(17 << 20));
        assertEquals(1, report(run.toString(), "--out", temp.resolve("out").toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("cores-2.json: 17.0 MB, over the report's limit of 16.0 MB"), err.toString());
    }

    /** Defect 12: what costs memory and time is settings (a chart set each); too many are refused at once. */
    @Test
    void aRunOfHundredsOfSettingsIsRefusedInOneLine() throws Exception {
        Path run = Fixtures.copy("laptop", temp.resolve("many"));
        ArrayNode one = (ArrayNode) JSON.readTree(run.resolve("cores-1.json").toFile());
        ArrayNode many = JSON.createArrayNode();
        for (int units = 0; units < 500; units++) {
            ObjectNode copy = one.get(0).deepCopy();
            ((ObjectNode) copy.get("params")).put("cpuUnits", Integer.toString(700 + units));
            many.add(copy);
        }
        JSON.writeValue(run.resolve("cores-1.json").toFile(), many);
        assertEquals(1, report(run.toString(), "--out", temp.resolve("out").toString()));
        assertTrue(err.toString().contains(" workload settings (parameters other than the model), over the"
                + " report's limit of 24 per run"), err.toString());
    }

    /** Nit: comparing a run with itself says so. */
    @Test
    void aRunComparedWithItselfWarns() {
        String laptop = Fixtures.run("laptop").toString();
        assertEquals(0, report(laptop, laptop, "--out", temp.toString(), "--format", "md"), err.toString());
        assertTrue(err.toString().contains("comparing a run with itself finds no difference by construction"),
                err.toString());
    }

    /** Nit: {@code coreCounts [1.5, -2]} is no list of core counts. */
    @Test
    void fractionalOrNegativeCoreCountsAreRefused() throws Exception {
        for (String counts : List.of("[1.5, 2]", "[1, -2]")) {
            err.getBuffer().setLength(0);
            Path run = laptopWith("counts" + counts.hashCode(), "coreCounts", counts);
            assertEquals(1, report(run.toString(), "--out", temp.resolve("out").toString()), counts);
            assertTrue(err.toString().contains("machine.json: ") && err.toString().contains("coreCounts"), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertFalse(err.toString().contains("CoercionConfig"), "no advice about Jackson's settings");
        }
    }
    /** {@code --out D} where {@code D/report.md} links outside D: the file outside must stay untouched. */
    @Test
    void noFileIsWrittenThroughALink() throws Exception {
        Path outside = Files.writeString(temp.resolve("outside.txt"), "precious\n");
        Path target = Files.createDirectories(temp.resolve("out"));
        for (String name : List.of("report.md", "summary.csv", "index.html")) {
            Files.createSymbolicLink(target.resolve(name), outside);
        }
        assertEquals(0, report(Fixtures.run("laptop").toString(), "--out", target.toString(), "--format", "md,csv,html"),
                err.toString());
        assertEquals("precious\n", Files.readString(outside), "the link's target is untouched");
        for (String name : List.of("report.md", "summary.csv", "index.html")) {
            assertFalse(Files.isSymbolicLink(target.resolve(name)), name + " replaced by the report's own file");
        }
        assertTrue(Files.readString(target.resolve("report.md")).startsWith("# "));
    }

    /** A comparison's sub-folder for one run that is a link to a folder outside --out. */
    @Test
    void aRunsSubFolderThatIsALinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path target = Files.createDirectories(temp.resolve("out"));
        RunResults server = RunReader.read(Fixtures.run("server"));
        Files.createSymbolicLink(target.resolve(RunNames.folderOf(server)), elsewhere);
        assertEquals(1, report(Fixtures.run("laptop").toString(), Fixtures.run("server").toString(), "--out",
                target.toString(), "--format", "md"));
        assertTrue(err.toString().contains("a link"), err.toString());
        try (var inside = Files.list(elsewhere)) {
            assertEquals(List.of(), inside.toList(), "nothing written through the link");
        }
    }

    /** A run id that is a spreadsheet formula, and control characters in a run id. */
    @Test
    void noFormulaAndNoControlCharacterReachesAnyOutput() throws Exception {
        Path formula = laptopWith("formula", "runId", "\"=HYPERLINK(\\\"http://evil.example/x\\\")\"");
        Path target = temp.resolve("formula-out");
        assertEquals(0, report(formula.toString(), "--out", target.toString(), "--format", "md,csv"), err.toString());
        String row = Files.readAllLines(target.resolve("summary.csv")).get(1);
        assertTrue(row.startsWith("\"'=HYPERLINK(\"\"http://evil.example/x\"\")\","), row);

        Path control = laptopWith("control", "runId", "\"run\\u001b[31mred\\rX\\u009b\\u0007\"");
        ObjectNode machine = (ObjectNode) JSON.readTree(control.resolve("machine.json").toFile());
        machine.putNull("label");
        JSON.writeValue(control.resolve("machine.json").toFile(), machine);
        target = temp.resolve("control-out");
        assertEquals(0, report(control.toString(), "--out", target.toString(), "--format", "md,csv,html,svg"),
                err.toString());
        try (var files = Files.list(target)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c < 0xa0),
                        file.getFileName() + " holds a control character");
            }
        }
        assertTrue(Files.readString(target.resolve("summary.csv")).contains("\nrun[31mredX,"),
                "the run id without its control characters");
    }

    /** OWASP's rule, field by field: a leading = + - @ tab or CR is neutralised; numbers stay numbers. */
    @Test
    void csvFieldsThatCouldBeFormulasAreQuotedWithALeadingApostrophe() {
        assertEquals("\"'=1+2\",\"'+A1\",\"'@SUM(A1)\",\"'-cmd\",-0.5,-inf,1e-3,plain,\"a,b\"",
                org.concurrencybench.report.sections.SummaryCsv.row(
                        List.of("=1+2", "+A1", "@SUM(A1)", "-cmd", "-0.5", "-inf", "1e-3", "plain", "a,b")));
    }
}
