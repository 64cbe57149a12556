package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.concurrencybench.report.ReportCommand;
import org.concurrencybench.report.input.WorkloadGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The report of a run with a user's task and both new workloads (a run folder written here in
 * JMH's own format, with planted times): each is a workload section of its own, the words say what
 * limits each (memory bandwidth, the shared lock; what the loop and the lock do with a user's
 * task), and a user cell that FAILED its checksum check sits in its own workload's table.
 */
class NewWorkloadsReportTest {

    @TempDir
    static Path dir;
    static String report;

    @BeforeAll
    static void writeRunAndReport() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("machine.json"), """
                {"schema": 1, "runId": "20260101-000000-box", "label": "box", "profile": "quick",
                 "physicalCores": 2, "logicalCores": 2, "coreCounts": [1, 2],
                 "models": ["SEQUENTIAL", "FIXED_POOL", "EVENT_LOOP"],
                 "workloads": ["MEMORY", "CONTENDED", "USER"],
                 "userTasks": {"classPath": "/x/tasks.jar", "classes": ["com.example.Sha256Task"], "timeoutSeconds": 60}}
                """);
        for (int cores : List.of(1, 2)) {
            List<String> entries = new ArrayList<>();
            // MEMORY: 2 cores help a little (bandwidth); CONTENDED: a little; the user's task: twice.
            entries.add(entry("SEQUENTIAL", "MEMORY", "", 100));
            entries.add(entry("FIXED_POOL", "MEMORY", "", cores == 1 ? 100 : 80));
            entries.add(entry("SEQUENTIAL", "CONTENDED", "", 200));
            entries.add(entry("FIXED_POOL", "CONTENDED", "", cores == 1 ? 200 : 150));
            entries.add(entry("SEQUENTIAL", "USER", "com.example.Sha256Task", 300));
            entries.add(entry("FIXED_POOL", "USER", "com.example.Sha256Task", cores == 1 ? 300 : 150));
            Files.writeString(run.resolve("cores-" + cores + ".json"), "[" + String.join(",", entries) + "]");
        }
        Files.writeString(run.resolve("outcomes.json"), """
                [{"cores": 2, "benchmark": "org.concurrencybench.bench.ModelBenchmark.batch",
                  "params": {"model": "EVENT_LOOP", "workload": "USER", "task": "com.example.Sha256Task"},
                  "status": "FAILED", "reason": "java.lang.IllegalStateException: checksum differs between models: SEQUENTIAL gives 28, EVENT_LOOP gives 36"}]
                """);
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ReportCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute(run.toString(), "--out", dir.resolve("report").toString(), "--format", "md");
        assertEquals(0, exit, out.toString());
        report = Files.readString(dir.resolve("report/report.md"));
    }

    private static String entry(String model, String workload, String task, double ms) {
        double[] forks = {ms * 0.99, ms, ms * 1.01};
        return String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "org.concurrencybench.bench.ModelBenchmark.batch", "mode": "avgt",
                 "threads": 1, "forks": 3, "params": {"model": "%s", "workload": "%s", "task": "%s", "tasks": "64"},
                 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "ms/op",
                   "rawData": [[%s, %s, %s], [%s, %s, %s], [%s, %s, %s]]}, "secondaryMetrics": {}}""",
                model, workload, task, ms, forks[0], forks[1], forks[2], forks[1], forks[2], forks[0], forks[2], forks[0],
                forks[1]);
    }

    private static String section(String heading) {
        int start = report.indexOf("## Workload " + heading + "\n");
        assertTrue(start >= 0, "no section " + heading + " in\n" + report);
        int end = report.indexOf("\n## ", start + 5);
        return report.substring(start, end < 0 ? report.length() : end);
    }

    @Test
    void memorySaysItIsBoundByMemoryBandwidthNotTheGil() {
        String memory = section("MEMORY");
        assertTrue(memory.contains("What limits it: memory bandwidth"), memory);
        assertTrue(memory.contains("| FIXED_POOL | 100 [100, 100], n 9 |"), memory);
    }

    @Test
    void contendedSaysItIsBoundByTheSharedLock() {
        String contended = section("CONTENDED");
        assertTrue(contended.contains("What limits it: the shared lock"), contended);
        assertFalse(contended.contains("What limits it: the GIL"), contended);
    }

    @Test
    void aUserTaskIsAWorkloadNamedByItsClassWithItsFailedCell() {
        String user = section("USER Sha256Task");
        assertTrue(user.contains("runs inline on the loop thread"), user);
        assertTrue(user.contains("checksum differs between models: SEQUENTIAL gives 28, EVENT_LOOP gives 36"), user);
        assertTrue(user.contains("2.00"), "FIXED_POOL's speedup of 2 at 2 cores: " + user);
        assertFalse(report.contains("## Workload USER\n"), "no anonymous USER group");
        assertFalse(user.contains("task="), "the task parameter names the group, not a variant of it");
        assertFalse(section("MEMORY").contains("task="), "nor a variant of the built-in workloads");
    }

    @Test
    void groupsAreNamedOnceForCellsAndOutcomes() {
        assertEquals("USER Sha256Task", WorkloadGroups.of(java.util.Map.of("workload", "USER", "task", "com.example.Sha256Task")));
        assertEquals("CPU", WorkloadGroups.of(java.util.Map.of("workload", "CPU", "task", "")));
        assertTrue(report.indexOf("## Workload MEMORY") < report.indexOf("## Workload CONTENDED")
                && report.indexOf("## Workload CONTENDED") < report.indexOf("## Workload USER Sha256Task"));
    }

    @Test
    void theFirstTableComesFirstAndEachWorkloadsVerdictsAreInItsSection() {
        int first = report.indexOf("## Which model for which work\n");
        assertTrue(first >= 0 && first < report.indexOf("## Machine"), report);
        assertTrue(report.contains("| MEMORY at 2 cores | FIXED_POOL 1.25x [1.25, 1.25] |"), report);
        assertTrue(section("MEMORY").contains("- Fastest at 1 core: SEQUENTIAL and FIXED_POOL tied, the same within 2% (1.00x"),
                section("MEMORY"));
        assertTrue(section("MEMORY").contains("- FIXED_POOL: 1.25x SEQUENTIAL's speed at 2 cores, still gaining at least 10%"
                + " per doubling of cores.\n"), section("MEMORY"));
    }

    @Test
    void perCoreMetricsOnlyForCpuBoundWorkUnderAModelThatRunsATaskPerCore() {
        // MEMORY is CPU-bound: FIXED_POOL's efficiency at 2 cores is 1.25 / 2; SEQUENTIAL cannot run a task per core.
        // Each fork holds the same three values in another order: the fork means agree, so the intervals over
        // the forks have no width (iterations are not replicates).
        assertTrue(section("MEMORY").contains("| 80.0 [80.0, 80.0], n 9 | 1.25 [1.25, 1.25] | 0.625 [0.625, 0.625];"
                + " 0.600 | ok |"), section("MEMORY"));
        assertTrue(section("MEMORY").contains("| 100 [100, 100], n 9 | 1.00 [1.00, 1.00] | \u2014\u00b9 | ok |"),
                section("MEMORY"));
        // a user's task is of unknown kind: speedups, but no efficiency, Karp-Flatt or fits, with the footnote
        String user = section("USER Sha256Task");
        assertTrue(user.contains("| 150 [150, 150], n 9 | 2.00 [2.00, 2.00] | ok |"), user);
        assertFalse(user.contains("efficiency [CI]"), "no model has it: no column: " + user);
        assertTrue(user.contains("\u00b9 Left out: efficiency, Karp-Flatt and the scaling-law fits")
                || user.contains("\u00b9 Efficiency, Karp-Flatt and the scaling-law fits left out as under"), user);
    }
}
