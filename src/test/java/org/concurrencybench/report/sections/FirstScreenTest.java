package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concurrencybench.report.ReportCommand;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 30, items 1 and 2: the report's first table ("Which model for which work") on synthetic
 * runs with a known answer, and the report of a planted run saying each answer once, with one
 * legend line per table instead of a clause per line.
 */
class FirstScreenTest {

    @TempDir
    static Path dir;
    static String report;

    private static Map<String, double[]> means(Object... modelAndTimes) {
        Map<String, double[]> means = new LinkedHashMap<>();
        for (int i = 0; i < modelAndTimes.length; i += 2) {
            means.put((String) modelAndTimes[i], (double[]) modelAndTimes[i + 1]);
        }
        return means;
    }

    /** CPU: FIXED_POOL clearly fastest at 2 cores, GLOBAL_LOCK no faster than SEQUENTIAL; tight samples. */
    static WorkloadScaling plantedCpu() {
        return VerdictsTest.workload("CPU", List.of(1, 2), means("SEQUENTIAL", new double[] {100, 100},
                "FIXED_POOL", new double[] {100, 50}, "FORK_JOIN", new double[] {100, 60},
                "GLOBAL_LOCK", new double[] {100, 100}));
    }

    /** SLEEP: EVENT_LOOP and VIRTUAL_THREADS 5% apart on wide samples (cannot be told apart), FIXED_POOL far behind. */
    static WorkloadScaling plantedSleep() {
        return VerdictsTest.workload("SLEEP", List.of(1, 2), means("SEQUENTIAL", new double[] {640, 640},
                "FIXED_POOL", new double[] {640, 320}, "VIRTUAL_THREADS", new double[] {10.5, 10.5},
                "EVENT_LOOP", new double[] {10, 10}), "VIRTUAL_THREADS", "EVENT_LOOP");
    }

    @Test
    void aClearlyFastestModelIsTheOneToUseAndTheOnesFarBehindAreToAvoidWithWhy() {
        List<String> row = FirstScreen.rows(List.of(plantedCpu())).get(0);
        assertEquals("CPU at 2 cores", row.get(0));
        assertEquals("FIXED_POOL 2.00x [2.00, 2.00]", row.get(1), "decided best: no 'cannot tell', no other model");
        assertEquals("GLOBAL_LOCK (1.00x): one task computes at a time (the lock)",
                row.get(2), "FORK_JOIN is slower by less than 1.5x: in neither column");
        assertTrue(row.get(3).startsWith("processes (ProcessPoolExecutor), InterpreterPoolExecutor or a free-threaded"
                + " build, not threads: the GIL costs 2.00x"), row.get(3));
    }

    @Test
    void twoModelsThatCannotBeToldApartAreBothNamedAsSuch() {
        List<String> row = FirstScreen.rows(List.of(plantedSleep())).get(0);
        assertTrue(row.get(1).startsWith("we cannot tell which is best: EVENT_LOOP 64.0x ["), row.get(1));
        assertTrue(row.get(1).contains(", VIRTUAL_THREADS 61.0x ["), row.get(1));
        assertTrue(row.get(1).endsWith(FirstScreen.UNRELIABLE_MARK), "wide cells are marked: " + row.get(1));
        assertEquals("FIXED_POOL (2.00x): p workers wait p at a time", row.get(2), "SEQUENTIAL, the yardstick, is not listed");
        assertEquals("asyncio", row.get(3), "no GLOBAL_LOCK in this run: nothing said of the GIL");
    }

    @Test
    void aYardstickThatMovedWithTheCoresIsSaidInTheCellWithTheFiguresOverSequentialAtOneCore() {
        // IO: SEQUENTIAL 2x slower at 2 cores than at 1; VIRTUAL_THREADS 4x over it, 2x over SEQUENTIAL at 1 core
        WorkloadScaling io = VerdictsTest.workload("IO", List.of(1, 2), means("SEQUENTIAL", new double[] {20, 40},
                "VIRTUAL_THREADS", new double[] {10, 10}));
        assertEquals("VIRTUAL_THREADS 4.00x [4.00, 4.00]; over SEQUENTIAL at 1 core (SEQUENTIAL itself takes 2.00x its"
                + " 1-core time here): VIRTUAL_THREADS 2.00x [2.00, 2.00]", FirstScreen.rows(List.of(io)).get(0).get(1));
        assertEquals("FIXED_POOL 2.00x [2.00, 2.00]", FirstScreen.rows(List.of(plantedCpu())).get(0).get(1),
                "an unmoved yardstick adds nothing");
    }

    @Test
    void modelsTheSameWithinTheFloorAreUsedTogether() {
        WorkloadScaling cpu = VerdictsTest.workload("CPU", List.of(2), means("SEQUENTIAL", new double[] {100},
                "FIXED_POOL", new double[] {50}, "FORK_JOIN", new double[] {50.5}));
        assertEquals("FIXED_POOL 2.00x [2.00, 2.00], FORK_JOIN 1.98x [1.98, 1.98] (the same within 2%)",
                FirstScreen.rows(List.of(cpu)).get(0).get(1));
    }

    @BeforeAll
    static void writeRunAndReport() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("machine.json"), """
                {"schema": 1, "runId": "20260101-000000-box", "label": "box", "profile": "default",
                 "physicalCores": 2, "logicalCores": 2, "coreCounts": [1, 2],
                 "models": ["SEQUENTIAL", "FIXED_POOL", "VIRTUAL_THREADS", "GLOBAL_LOCK", "EVENT_LOOP"],
                 "workloads": ["CPU", "SLEEP"]}
                """);
        for (int cores : List.of(1, 2)) {
            List<String> entries = new ArrayList<>();
            entries.add(entry("SEQUENTIAL", "CPU", 100, false));
            entries.add(entry("FIXED_POOL", "CPU", cores == 1 ? 100 : 50, false));
            entries.add(entry("VIRTUAL_THREADS", "CPU", cores == 1 ? 100 : 60, false));
            entries.add(entry("GLOBAL_LOCK", "CPU", 100, false));
            entries.add(entry("EVENT_LOOP", "CPU", 100, false));
            entries.add(entry("SEQUENTIAL", "SLEEP", 640, false));
            entries.add(entry("FIXED_POOL", "SLEEP", 640.0 / cores, false));
            entries.add(entry("VIRTUAL_THREADS", "SLEEP", 10.5, true));
            entries.add(entry("GLOBAL_LOCK", "SLEEP", 640.0 / cores, false));
            entries.add(entry("EVENT_LOOP", "SLEEP", 10, true));
            Files.writeString(run.resolve("cores-" + cores + ".json"), "[" + String.join(",", entries) + "]");
        }
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ReportCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute(run.toString(), "--out", dir.resolve("report").toString(), "--format", "md,png");
        assertEquals(0, exit, out.toString());
        report = Files.readString(dir.resolve("report/report.md"));
    }

    /** Three forks of three iterations; wide: the forks' means 40% apart either side (an unreliable cell). */
    private static String entry(String model, String workload, double ms, boolean wide) {
        double[] f = wide ? new double[] {ms * 0.6, ms, ms * 1.4} : new double[] {ms * 0.99, ms, ms * 1.01};
        String forks = wide
                ? String.format(Locale.ROOT, "[%s, %s, %s], [%s, %s, %s], [%s, %s, %s]", f[0], f[0], f[0], f[1], f[1],
                        f[1], f[2], f[2], f[2])
                : String.format(Locale.ROOT, "[%s, %s, %s], [%s, %s, %s], [%s, %s, %s]", f[0], f[1], f[2], f[1], f[2],
                        f[0], f[2], f[0], f[1]);
        return String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "org.concurrencybench.bench.ModelBenchmark.batch", "mode": "avgt",
                 "threads": 1, "forks": 3, "params": {"model": "%s", "workload": "%s", "tasks": "64"},
                 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ms/op",
                   "rawData": [%s]}, "secondaryMetrics": {}}""", model, workload, ms, forks);
    }

    @Test
    void theTableAndItsChartComeFirstBeforeTheMachineAndTheSections() {
        int table = report.indexOf("## " + FirstScreen.HEADING + "\n");
        assertTrue(table >= 0 && table < report.indexOf("## Machine") && table < report.indexOf("## Workload CPU"), report);
        String first = report.substring(0, report.indexOf("## Machine"));
        assertTrue(first.contains("| CPU at 2 cores | FIXED_POOL 2.00x ["), first);
        assertTrue(first.contains("| SLEEP at 2 cores | we cannot tell which is best: EVENT_LOOP"), first);
        assertTrue(first.contains("(cpu-bars.png)"), "the one chart that shows it: " + first);
        assertEquals(1, count(report, "(cpu-bars.png)"), "shown once: the CPU section leaves it out");
        assertTrue(first.contains("**box**: 2 cores (2 logical); measured at 1 and 2 cores;"), first);
        assertFalse(report.contains("## How to read the numbers"), "the rules live in docs/report.md");
    }

    /** Every answer sentence (a bullet) is said once in the whole report, and no clause repeats the unreliable rule. */
    @Test
    void eachAnswerIsSaidOnce() {
        List<String> bullets = report.lines().filter(line -> line.startsWith("- ") && !line.startsWith("- ["))
                .toList();
        assertTrue(bullets.stream().anyMatch(b -> b.startsWith("- Fastest at 1 core:")), report);
        for (String bullet : bullets) {
            assertEquals(1, count(report, bullet.substring(2)), "said more than once: " + bullet);
        }
        for (WorkloadScaling workload : List.of(plantedCpu(), plantedSleep())) {
            for (String verdict : Verdicts.of(workload)) {
                assertTrue(count(String.join("\n", Verdicts.of(workload)), verdict) == 1, verdict);
            }
        }
        assertEquals(0, count(report, "on cells marked unreliable"), report);
    }

    /** The unreliable rule is one legend line under each table that has an unreliable cell, and nowhere else. */
    @Test
    void theUnreliableLegendIsOneLineUnderEachTableThatNeedsIt() {
        List<String> lines = report.lines().toList();
        int legends = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(ScalingSection.UNRELIABLE_NOTE)) {
                legends++;
                assertEquals("", lines.get(i - 1));
                assertTrue(lines.get(i - 2).startsWith("|"), "a legend goes right under its table: " + lines.get(i - 2));
            }
        }
        assertEquals(1, legends, "SLEEP's table has unreliable cells, CPU's has none: " + report);
        assertEquals(1, count(report, "fewer than 3 samples"), report);
        String sleep = report.substring(report.indexOf("## Workload SLEEP"));
        assertTrue(sleep.contains(FirstScreen.UNRELIABLE_MARK + "."), "a verdict on the wide cells carries the mark: " + sleep);
        String cpu = report.substring(report.indexOf("## Workload CPU"), report.indexOf("## Workload SLEEP"));
        assertFalse(cpu.contains(FirstScreen.UNRELIABLE_MARK), cpu);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
