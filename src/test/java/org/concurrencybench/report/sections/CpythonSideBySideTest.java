package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.report.Fixtures;
import org.concurrencybench.report.ReportGenerator;
import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.input.CpythonResults;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two interpreters of one run side by side, on the planted run {@code report/cpython} relabelled: its
 * CPython files become 3.11's, and a 3.13 is planted from them whose thread pool at 2 cores takes half
 * the time (twice 3.11's speedup, the known answer) and which has an interpreter pool (the process
 * pool's times, renamed). A run of one interpreter keeps its report as it was.
 */
class CpythonSideBySideTest {

    private static final double LEVEL = 0.95;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path twoInterpreters() throws Exception {
        Path run = Fixtures.copy("cpython", dir.resolve("two"));
        for (int cores : List.of(1, 2)) {
            Path single = run.resolve("cpython-cores-" + cores + ".json");
            ObjectNode doc = (ObjectNode) JSON.readTree(single.toFile());
            Files.move(single, run.resolve("cpython-3.11-cores-" + cores + ".json"));
            ((ObjectNode) doc.get("python")).put("version", "3.13.0");
            ArrayNode benchmarks = (ArrayNode) doc.get("benchmarks");
            List<JsonNode> pools = new java.util.ArrayList<>();
            for (JsonNode entry : benchmarks) {
                String form = entry.path("params").path("form").asText();
                if (form.equals("ThreadPoolExecutor") && cores == 2) {
                    for (JsonNode trial : entry.path("primaryMetric").path("rawData")) {
                        for (int i = 0; i < trial.size(); i++) {
                            ((ArrayNode) trial).set(i, trial.get(i).asDouble() / 2);
                        }
                    }
                }
                if (form.equals("ProcessPoolExecutor")) {
                    ObjectNode pool = entry.deepCopy();
                    ((ObjectNode) pool.get("params")).put("form", "InterpreterPoolExecutor");
                    pools.add(pool);
                }
            }
            benchmarks.addAll(pools);
            JSON.writeValue(run.resolve("cpython-3.13-cores-" + cores + ".json").toFile(), doc);
        }
        return run;
    }

    private static CpythonComparison.SpeedupRow row(RunResults run, CpythonResults py, String form, int cores) {
        return CpythonComparison.speedups(run, py, "CPU", LEVEL).stream()
                .filter(r -> r.form().equals(form) && r.cores() == cores).findFirst().orElseThrow();
    }

    @Test
    void aFormAnInterpreterLacksIsUnavailableOnceItsRoundsArePooled() {
        assertTrue(CpythonComparison.Finding.CpythonUnavailable.is("round 1: not available in CPython 3.11 (why)"),
                "the pooled file names the round");
        assertTrue(CpythonComparison.Finding.CpythonUnavailable.is("not available in CPython 3.11 (why)"));
        assertFalse(CpythonComparison.Finding.CpythonUnavailable.is("round 1: exit 1: OSError: boom"));
    }

    @Test
    void eachInterpreterIsReadApartAndNamedByVersion() throws Exception {
        Path copy = twoInterpreters();
        List<CpythonResults> all = CpythonResults.readAll(copy);
        assertEquals(List.of("3.11", "3.13"), all.stream().map(CpythonResults::name).toList());
        RunResults run = RunReader.read(copy);
        double old = row(run, all.get(0), "ThreadPoolExecutor", 2).cpython().value();
        assertEquals(2 * old, row(run, all.get(1), "ThreadPoolExecutor", 2).cpython().value(), 1e-9 * old,
                "half the time: twice the speedup");
        assertEquals(1, CpythonResults.readAll(Fixtures.run("cpython")).size(), "a run of one is one");
        assertEquals(null, CpythonResults.readAll(Fixtures.run("cpython")).get(0).label());
    }

    @Test
    void theAnswerNamesEachFormsSpeedupPerInterpreterAtTheMostCores() throws Exception {
        Path copy = twoInterpreters();
        RunResults run = RunReader.read(copy);
        List<CpythonResults> all = CpythonResults.readAll(copy);
        String threads311 = Verdicts.times(row(run, all.get(0), "ThreadPoolExecutor", 2).cpython());
        String threads313 = Verdicts.times(row(run, all.get(1), "ThreadPoolExecutor", 2).cpython());
        String pool313 = Verdicts.times(row(run, all.get(1), "InterpreterPoolExecutor", 2).cpython());
        String answer = CpythonSideBySide.answer(run, all, LEVEL).orElseThrow();
        assertTrue(answer.startsWith("CPython 3.11 and 3.13 side by side, speedup over each one's own sequential code:"
                + " CPU at 2 cores: "), answer);
        assertTrue(answer.contains("; threads 3.11 " + threads311 + ", 3.13 " + threads313 + ";"), answer);
        assertTrue(answer.contains("; interpreter pool 3.13 " + pool313 + "."), answer);
        assertFalse(answer.contains("sequential 3.11"), "sequential is the baseline, not a form to compare");
        assertTrue(CpythonSideBySide.answer(run, all.subList(0, 1), LEVEL).isEmpty(), "nothing side by side in a run of one");
    }

    @Test
    void theReportHasASectionPerInterpreterWithItsOwnChartsAndOneSideBySide() throws Exception {
        Path out = dir.resolve("report");
        new ReportGenerator(LEVEL, java.util.EnumSet.of(OutputFormat.MD, OutputFormat.PNG))
                .write(List.of(RunReader.read(twoInterpreters())), out, w -> { });
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Real CPython 3.11 beside the simulation"), md);
        assertTrue(md.contains("## Real CPython 3.13 beside the simulation"), md);
        assertTrue(md.contains("### CPython 3.13 and the simulation: CPU"), md);
        assertTrue(md.contains("## CPython interpreters side by side"), md);
        assertTrue(md.contains("| 3.11 speedup [CI] | 3.13 speedup [CI] |"), md);
        assertTrue(md.contains("CPython 3.11 and 3.13 side by side, speedup"), md);
        for (String chart : List.of("cpython-3.11-cpu.png", "cpython-3.13-cpu.png", "cpython-3.11-convoy.png",
                "cpython-3.13-convoy.png")) {
            assertTrue(Files.isRegularFile(out.resolve(chart)), chart);
        }
        assertFalse(Files.exists(out.resolve("cpython-cpu.png")));
    }
}
