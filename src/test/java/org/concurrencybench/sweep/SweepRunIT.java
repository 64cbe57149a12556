package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.SweepException;
import org.concurrencybench.sweep.plan.SweepPlan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.JmhResultFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Whole sweeps, with a stand-in for {@code java} that prints JMH-shaped output and writes a
 * JMH-shaped result file for the models and workloads it is given instead of running JMH. Its
 * FIXED_POOL fails in its second iteration after writing a result (as JMH does), and its convoy
 * fails outright: every planned cell must still end in one state, and nothing failed may count.
 */
class SweepRunIT {

    @TempDir
    Path dir;
    private Path fakeJava;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void writeFakeJava() throws Exception {
        fakeJava = dir.resolve("fake-java");
        Files.writeString(fakeJava, """
                #!/bin/sh
                # Stands in for `java -jar benchmarks.jar ...`: one result per model x workload to the -rff file.
                out=""; prev=""; models=""; workloads=""; bench=""; tasks=64
                for a in "$@"; do
                  [ "$prev" = "-rff" ] && out="$a"
                  case "$prev:$a" in -p:model=*) models="${a#model=}";; -p:workload=*) workloads="${a#workload=}";; -p:tasks=*) tasks="${a#tasks=}";; esac
                  case "$a" in *ModelBenchmark*) bench=model;; *ConvoyBenchmark*) bench=convoy;; esac
                  prev="$a"
                done
                if [ "$bench" = convoy ]; then
                  echo "# Benchmark: org.concurrencybench.bench.ConvoyBenchmark.roundTrip"
                  echo "# Warmup Iteration   1: <failure>"; echo ""; echo "java.lang.IllegalStateException: boom"; exit 1
                fi
                sep=""; printf '[' > "$out"
                IFS=,
                for m in $models; do for w in $workloads; do
                  echo "# Benchmark: org.concurrencybench.bench.ModelBenchmark.batch"
                  echo "# Parameters: (model = $m, tasks = $tasks, workload = $w)"
                  echo "Iteration   1: 300.000 ms/op"
                  if [ "$m" = FIXED_POOL ]; then echo "Iteration   2: <failure>"; echo ""; echo "java.lang.IllegalStateException: pool broke"; fi
                  printf '%s{"benchmark":"org.concurrencybench.bench.ModelBenchmark.batch","mode":"avgt","threads":1,"forks":1,"params":{"model":"%s","workload":"%s","tasks":"%s","sleepMicros":"10000"},"primaryMetric":{"score":300.0,"scoreError":1.0,"scoreUnit":"ms/op","rawData":[[299.0,300.0,301.0]]},"secondaryMetrics":{}}' "$sep" "$m" "$w" "$tasks" >> "$out"
                  sep=","
                done; done
                printf ']' >> "$out"
                """);
        assertTrue(fakeJava.toFile().setExecutable(true));
    }

    private SweepSettings settings(String models, String workloads) {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--quick", "--cores", "1,2", "--models", models, "--workloads", workloads,
                "--spread", "NONE", "--no-python", "--label", "t", "--results", dir.resolve("results").toString(), "--charts", dir.resolve("charts").toString());
        return SweepSettings.resolve(command.request(), CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1))));
    }

    private Sweep sweep(SweepSettings settings) {
        return new Sweep(settings, new PrintStream(console, true, StandardCharsets.UTF_8), fakeJava.toString(),
                dir.resolve("jmh.lock"));
    }

    private Path runDir() throws Exception {
        try (var runs = Files.list(dir.resolve("results"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void aCompleteSweepLeavesOneFilePerCoreCountTheMachineAndTheReport() throws Exception {
        assertEquals(Sweep.Ending.ALL_MEASURED, sweep(settings("SEQUENTIAL", "CPU")).run(false), console.toString());
        Path run = runDir();
        for (String file : List.of("cores-1.json", "cores-2.json", "machine.json")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file + " in " + run);
        }
        assertFalse(Files.exists(run.resolve("outcomes.json")), "nothing failed or skipped");
        JsonNode cores = new ObjectMapper().readTree(run.resolve("cores-2.json").toFile());
        assertEquals(1, cores.size(), "JMH's entries, as written");
        assertEquals("SEQUENTIAL", cores.get(0).get("params").get("model").asText());
        JsonNode machine = new ObjectMapper().readTree(run.resolve("machine.json").toFile());
        assertFalse(machine.get("finishedAt").isNull());
        assertEquals("[1,2]", machine.get("plan").get("coreCounts").toString());
        assertTrue(Files.isRegularFile(dir.resolve("charts").resolve(run.getFileName()).resolve("report.md")));
        assertTrue(console.toString().matches("(?s).*\\[2/2\\] cores=[12] .*"), console.toString());
        assertTrue(console.toString().contains("measured 2 of 2 cells; 0 failed, 0 skipped"), console.toString());
        for (String file : List.of("cores-1-models.json", "cores-2-models.json")) {
            assertTrue(Files.isRegularFile(run.resolve("rounds/round-1").resolve(file)), "JMH's own file, kept: " + file);
        }
        assertEquals(1, machine.get("rounds").get("finished").asInt(), "a quick look: one round");
        assertEquals("max_rounds", machine.get("rounds").get("stoppedBy").asText());
    }

    @Test
    void aFailedIterationFailsItsCellEverywhereAndTheOtherCellsStand() throws Exception {
        assertEquals(Sweep.Ending.CELLS_FAILED, sweep(settings("SEQUENTIAL,FIXED_POOL", "CPU,CONVOY")).run(false),
                console.toString());
        Path run = runDir();
        RunFolder folder = new RunFolder(run);
        assertEquals(new TreeSet<>(List.of(1, 2)), folder.finishedCoreCounts(), "every cell has a state: both finished");
        JsonNode cores = new ObjectMapper().readTree(folder.coresFile(2).toFile());
        assertEquals(1, cores.size(), "FIXED_POOL's number is not kept, though JMH wrote one");
        assertEquals("SEQUENTIAL", cores.get(0).get("params").get("model").asText());
        List<Outcome> outcomes = folder.readOutcomes();
        Outcome pool = outcomes.stream().filter(o -> o.cores() == 2 && o.model().equals("FIXED_POOL")).findFirst()
                .orElseThrow();
        assertEquals(Outcome.Status.FAILED, pool.status());
        assertEquals("java.lang.IllegalStateException: pool broke", pool.reason());
        long convoy = outcomes.stream().filter(o -> o.benchmarkClass().equals("ConvoyBenchmark")).count();
        int convoyCells = SweepPlan.stepsFor(Profile.QUICK, List.of(), List.of(), true).stream()
                .mapToInt(SweepPlan.Step::benchmarks).sum();
        assertEquals(2 * convoyCells, convoy, "each convoy cell at each core count FAILED, none vanished");
        String text = console.toString();
        assertTrue(text.contains("FIXED_POOL CPU tasks=" + Profile.QUICK_BATCH_TASKS), text);
        int planned = 2 * (2 + convoyCells);
        assertTrue(text.contains("measured 2 of " + planned + " cells; " + (planned - 2) + " failed, 0 skipped"), text);
        String report = Files.readString(dir.resolve("charts").resolve(run.getFileName()).resolve("report.md"));
        assertTrue(report.contains("Cells without a number"), report);
        assertTrue(report.contains("pool broke"), report);
        assertTrue(report.contains("| FIXED_POOL | FAILED |") && report.contains("pool broke | FAILED |"), report);
    }

    @Test
    void anExistingRunFolderIsRefusedInOneLine() throws Exception {
        SweepSettings settings = settings("SEQUENTIAL", "CPU");
        Files.createDirectories(settings.run().runDir());
        SweepException error = assertThrows(SweepException.class, () -> sweep(settings).run(false));
        assertEquals(settings.run().runDir() + " exists already; choose another --label or --results", error.getMessage());
        assertEquals(error.getMessage(), ErrorLine.of(error));
    }

    @Test
    void aHeldJmhLockIsReportedUpFrontAndNothingIsWritten() throws Exception {
        SweepSettings settings = settings("SEQUENTIAL", "CPU");
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(dir.resolve("jmh.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock()) {
            SweepException error = assertThrows(SweepException.class, () -> sweep(settings).run(false));
            assertTrue(error.getMessage().startsWith("another JMH run (this process) holds "), error.getMessage());
        }
        assertFalse(Files.exists(settings.run().runDir()), "no run folder for a sweep that never started");
    }

    @Test
    void aRunMissingACoreCountIsIncompleteForTheCheckerAndTheReport() throws Exception {
        assertEquals(Sweep.Ending.ALL_MEASURED, sweep(settings("SEQUENTIAL", "CPU")).run(false), console.toString());
        RunFolder folder = new RunFolder(runDir());
        Files.delete(folder.coresFile(2));
        RunCheck.Summary summary = RunCheck.check(folder);
        assertEquals(List.of(2), summary.missingCoreCounts());
        assertFalse(summary.clean());
        assertTrue(summary.problems().get(0).startsWith("cores=2: no cores-2.json"), summary.problems().toString());
        Path out = dir.resolve("again");
        org.concurrencybench.report.ReportGenerator.writeRunReport(folder.dir(), out, warning -> { });
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.indexOf("Incomplete run") < report.indexOf("Machine"), "said in the first lines");
        assertTrue(report.contains("no results for [2]"), report);

        Files.writeString(folder.coresFile(2), "[]");
        RunCheck.Summary emptied = RunCheck.check(folder);
        assertTrue(emptied.problems().stream().anyMatch(p -> p.contains("ModelBenchmark.batch model=SEQUENTIAL"
                + " tasks=" + Profile.QUICK_BATCH_TASKS + " workload=CPU: no result and no outcome")),
                emptied.problems().toString());
    }

    @Test
    void theCheckerRejectsAPhysicallyImpossibleBatch() throws Exception {
        BenchmarkResult sleep = entry("""
                {"benchmark":"org.concurrencybench.bench.ModelBenchmark.batch","params":{"model":"SEQUENTIAL",
                 "workload":"SLEEP","tasks":"64","sleepMicros":"10000"},
                 "primaryMetric":{"scoreUnit":"ms/op","rawData":[[641.0,639.0,650.0]]}}""");
        String why = RunCheck.impossible(sleep, 3);
        assertNotNull(why);
        assertTrue(why.contains("639.000 ms, shorter than its sleeps allow (640.000 ms)"), why);
        assertEquals("2 of 3 planned samples", RunCheck.impossible(entry("""
                {"benchmark":"x.ModelBenchmark.batch","params":{},"primaryMetric":{"rawData":[[1.0,2.0]]}}"""), 3));
        assertEquals(null, RunCheck.impossible(entry("""
                {"benchmark":"x.ModelBenchmark.batch","params":{"model":"FIXED_POOL","workload":"SLEEP","tasks":"64",
                 "sleepMicros":"10000"},"primaryMetric":{"scoreUnit":"ms/op","rawData":[[330.0,331.0,329.0]]}}"""), 3));
    }

    private static BenchmarkResult entry(String json) throws Exception {
        return JmhResultFile.entry(new ObjectMapper().readTree(json), Path.of("test.json"), 0);
    }
}
