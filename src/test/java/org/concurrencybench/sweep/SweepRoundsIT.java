package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Sweeps in rounds with a stand-in for {@code java} (as in {@link SweepRunIT}) that logs each
 * invocation: the rounds run and stop as planned, each core count's file pools them, and a run
 * killed between two rounds or in the middle of one goes on with {@code --resume} at the round it
 * lacks, keeping every finished round and its order's seed.
 */
class SweepRoundsIT {

    @TempDir
    Path dir;
    private Path fakeJava;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void writeFakeJava() throws Exception {
        fakeJava = dir.resolve("fake-java");
        Files.writeString(fakeJava, """
                #!/bin/sh
                out=""; prev=""; models=""; workloads=""
                for a in "$@"; do
                  [ "$prev" = "-rff" ] && out="$a"
                  case "$prev:$a" in -p:model=*) models="${a#model=}";; -p:workload=*) workloads="${a#workload=}";; esac
                  prev="$a"
                done
                echo "$out" >> "LOG"
                sep=""; printf '[' > "$out"
                IFS=,
                for m in $models; do for w in $workloads; do
                  printf '%s{"benchmark":"org.concurrencybench.bench.ModelBenchmark.batch","mode":"avgt","threads":1,"forks":1,"params":{"model":"%s","workload":"%s"},"primaryMetric":{"score":300.0,"scoreError":1.0,"scoreUnit":"ms/op","rawData":[[299.0,301.0]]},"secondaryMetrics":{}}' "$sep" "$m" "$w" >> "$out"
                  sep=","
                done; done
                printf ']' >> "$out"
                """.replace("LOG", dir.resolve("invocations.log").toString()));
        assertTrue(fakeJava.toFile().setExecutable(true));
    }

    private static final CpuTopology TWO_CPUS = CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1)));

    private Sweep sweep(String... args) {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs(args);
        SweepSettings settings = command.request().folders().resume() == null ? SweepSettings.resolve(command.request(), TWO_CPUS)
                : SweepSettings.resume(command.request(), TWO_CPUS);
        return new Sweep(settings, new PrintStream(console, true, StandardCharsets.UTF_8), fakeJava.toString(),
                dir.resolve("jmh.lock"));
    }

    private Path newRun() throws Exception {
        return newRun("--no-python");
    }

    /** A new run of 3 to 5 rounds at 1 and 2 cores, CPython as {@code python} says ({@code --no-python}, {@code --python P}). */
    private Path newRun(String... python) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--cores", "1,2", "--models", "SEQUENTIAL,FIXED_POOL",
                "--workloads", "CPU", "--spread", "NONE", "--min-rounds", "3", "--max-rounds", "5", "--label", "r",
                "--results", dir.resolve("results").toString(), "--charts", dir.resolve("charts").toString()));
        args.addAll(List.of(python));
        assertEquals(Sweep.Ending.ALL_MEASURED, sweep(args.toArray(String[]::new)).run(false), console.toString());
        try (var runs = Files.list(dir.resolve("results"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    private List<String> invocations() throws Exception {
        return Files.readAllLines(dir.resolve("invocations.log"));
    }

    private static JsonNode machine(Path run) throws Exception {
        return new ObjectMapper().readTree(run.resolve("machine.json").toFile());
    }

    @Test
    void aQuietRunStopsAtItsLeastRoundsAndEachCoreCountPoolsThem() throws Exception {
        Path run = newRun();
        assertEquals(new TreeSet<>(List.of(1, 2, 3)), new RoundFiles(run).finished());
        assertEquals(6, invocations().size(), "3 rounds x 2 core counts, one JMH invocation each");
        JsonNode rounds = machine(run).get("rounds");
        assertEquals(3, rounds.get("finished").asInt());
        assertEquals("precision", rounds.get("stoppedBy").asText());
        List<BenchmarkResult> pooled = JmhResultFile.read(new RunFolder(run).coresFile(2));
        assertEquals(2, pooled.size());
        assertEquals(3, pooled.get(0).primary().rawData().size(), "one fork per round");
        assertTrue(console.toString().contains("Stopped after 3 rounds: every cell within the precision"), console.toString());
    }

    /** The run as a kill would leave it: not finished, its rounds not stopped. */
    static void unfinish(Path run) throws Exception {
        ObjectNode machine = (ObjectNode) machine(run);
        machine.putNull("finishedAt");
        ObjectNode rounds = (ObjectNode) machine.get("rounds");
        rounds.putNull("finished");
        rounds.putNull("stoppedBy");
        new ObjectMapper().writeValue(run.resolve("machine.json").toFile(), machine);
    }

    @Test
    void aRunKilledBetweenRoundsGoesOnAtTheNextRound() throws Exception {
        Path run = newRun();
        long seed = machine(run).get("rounds").get("seed").asLong();
        RoundFiles files = new RoundFiles(run);
        deleteTree(files.round(3));
        unfinish(run);
        int before = invocations().size();
        assertEquals(Sweep.Ending.ALL_MEASURED, sweep("--resume", run.toString(), "--no-python", "--charts",
                dir.resolve("charts").toString()).run(false), console.toString());
        List<String> again = invocations().subList(before, invocations().size());
        assertEquals(2, again.size(), "round 3 only: " + again);
        assertTrue(again.stream().allMatch(line -> line.contains("round-3.partial")), again.toString());
        assertEquals(new TreeSet<>(List.of(1, 2, 3)), files.finished());
        assertEquals(seed, machine(run).get("rounds").get("seed").asLong(), "the same order's seed");
        assertEquals("precision", machine(run).get("rounds").get("stoppedBy").asText());
    }

    @Test
    void aRunKilledInTheMiddleOfARoundMeasuresThatRoundAgainFromItsStart() throws Exception {
        Path run = newRun();
        RoundFiles files = new RoundFiles(run);
        Files.move(files.round(3), files.partialRound(3));
        Files.delete(files.partialRound(3).resolve("cores-2-models.json")); // the round's second half never ran
        unfinish(run);
        int before = invocations().size();
        assertEquals(Sweep.Ending.ALL_MEASURED, sweep("--resume", run.toString(), "--no-python", "--charts",
                dir.resolve("charts").toString()).run(false), console.toString());
        assertEquals(2, invocations().size() - before, "round 3 again, whole");
        assertFalse(Files.exists(files.partialRound(3)));
        assertEquals(new TreeSet<>(List.of(1, 2, 3)), files.finished());
        assertEquals(3, JmhResultFile.read(new RunFolder(run).coresFile(1)).get(0).primary().rawData().size());
    }

    @Test
    void aStoppedRunHasNothingLeftToResume() throws Exception {
        Path run = newRun();
        int before = invocations().size();
        assertEquals(Sweep.Ending.ALL_MEASURED, sweep("--resume", run.toString(), "--no-python", "--charts",
                dir.resolve("charts").toString()).run(false), console.toString());
        assertEquals(before, invocations().size());
        assertTrue(console.toString().contains("Nothing left to measure"), console.toString());
    }

    /**
     * A stand-in for CPython's companion that logs its output file and arguments beside the JMH
     * invocations and writes one trial of one benchmark, calibrated to 7 CPU units unless told.
     */
    private Path fakePython() throws Exception {
        return ChildSweep.fakePython(dir, "fake-python", """
                echo "$out $*" >> "LOG"
                units=7; prev=""; for a in "$@"; do [ "$prev" = "--cpu-units" ] && units="$a"; prev="$a"; done
                printf '{"format":"concurrencybench-cpython/1","cores":1,"cpuUnits":%s,"profile":{"forks":1},"benchmarks":[{"benchmark":"cpython.batch","mode":"avgt","forks":1,"params":{"form":"sequential","workload":"CPU","cpuUnits":"%s"},"primaryMetric":{"score":100.0,"scoreUnit":"ms/op","rawData":[[100.0,101.0]]}}],"failed":[]}' "$units" "$units" > "$out"
                """.replace("LOG", dir.resolve("invocations.log").toString()));
    }

    @Test
    void cpythonTakesPartInEachOfTheLeastRoundsAfterTheJmhStepsInRoundOneAndIsPooled() throws Exception {
        Path run = newRun("--python", fakePython().toString());
        List<String> log = invocations();
        assertEquals(3 * (2 + 2), log.size(), "3 rounds x 2 core counts, a JMH step and CPython each: " + log);
        assertTrue(log.subList(0, 2).stream().allMatch(line -> line.contains("round-1.partial/cores-")), log.toString());
        assertTrue(log.subList(2, 4).stream().allMatch(line -> line.contains("round-1.partial/cpython-cores-")),
                "round 1: CPython after the JMH steps " + log);
        List<String> cpython = log.stream().filter(line -> line.contains("cpython-cores-")).toList();
        assertTrue(cpython.stream().allMatch(line -> line.contains("--timing 1,")), "one trial a round: " + cpython);
        assertTrue(cpython.subList(1, cpython.size()).stream().allMatch(line -> line.contains("--cpu-units 7")),
                "the first visit's calibration, reused: " + cpython);
        RoundFiles files = new RoundFiles(run);
        for (int round = 1; round <= 3; round++) {
            assertTrue(Files.isRegularFile(files.cpythonFile(round, 1)) && Files.isRegularFile(files.cpythonFile(round, 2)));
        }
        JsonNode pooled = new ObjectMapper().readTree(new RunFolder(run).cpythonFile(2).toFile());
        JsonNode batch = pooled.get("benchmarks").get(0);
        assertEquals(3, batch.get("primaryMetric").get("rawData").size(), "one trial from each round");
        assertEquals("[1,2,3]", batch.get("rounds").toString());
        assertEquals(7, pooled.get("cpuUnits").asInt());
        assertTrue(console.toString().contains("a round, one JMH fork of each cell and, in the least rounds, one CPython"
                + " trial of each in a shuffled order"), console.toString());
    }

    /** A stand-in CPython {@code version} whose companion writes one trial of the sequential CPU batch, naming itself. */
    private Path fakePython(String version) throws Exception {
        Path fake = dir.resolve("python" + version);
        Files.writeString(fake, """
                #!/bin/sh
                case "$2" in *sys.version*) echo "VERSION 1 1"; exit 0;; esac
                out=""; prev=""; for a in "$@"; do [ "$prev" = "--out" ] && out="$a"; prev="$a"; done
                echo "$out $*" >> "LOG"
                printf '{"format":"concurrencybench-cpython/1","python":{"executable":"%s","version":"VERSION","implementation":"CPython","build":"gil"},"cores":1,"cpuUnits":7,"profile":{"forks":1},"benchmarks":[{"benchmark":"cpython.batch","mode":"avgt","forks":1,"params":{"form":"sequential","workload":"CPU"},"primaryMetric":{"score":100.0,"scoreUnit":"ms/op","rawData":[[100.0,101.0]]}}],"failed":[]}' "$0" > "$out"
                """.replace("VERSION", version).replace("LOG", dir.resolve("invocations.log").toString()));
        assertTrue(fake.toFile().setExecutable(true));
        return fake;
    }

    @Test
    void twoInterpretersAreEachMeasuredAtEachCoreCountOfEveryRoundIntoTheirOwnFilesAndTheRunVerifies() throws Exception {
        Path run = newRun("--python", fakePython("3.11.7") + "," + fakePython("3.13.0"));
        List<String> cpython = invocations().stream().filter(line -> line.contains("/cpython-")).toList();
        assertEquals(3 * 2 * 2, cpython.size(), "3 rounds x 2 core counts x 2 interpreters: " + cpython);
        RoundFiles files = new RoundFiles(run);
        RunFolder folder = new RunFolder(run);
        for (String label : List.of("3.11", "3.13")) {
            for (int cores : List.of(1, 2)) {
                for (int round = 1; round <= 3; round++) {
                    assertTrue(Files.isRegularFile(files.cpythonFile(round, label, cores)), label + " " + cores + " " + round);
                }
                JsonNode pooled = new ObjectMapper().readTree(folder.cpythonFile(label, cores).toFile());
                assertEquals(3, pooled.get("benchmarks").get(0).get("primaryMetric").get("rawData").size());
                assertTrue(pooled.get("python").get("executable").asText().endsWith("python" + label + (label.equals("3.11")
                        ? ".7" : ".0")), "the file of " + label + " is its own interpreter's");
            }
        }
        assertFalse(Files.exists(folder.cpythonFile(1)), "no unnamed file in a run of several");
        assertEquals(List.of("3.11", "3.13"), folder.cpythonLabels());
        RunCheck.Summary summary = RunCheck.check(folder);
        assertTrue(summary.problems().isEmpty(), summary.problems().toString());
        assertTrue(summary.line().contains("CPython: 4 of 4 measured, 0 failed"), summary.line());
        assertTrue(machine(run).get("resume").get("python").asText().contains(java.io.File.pathSeparator),
                "both recorded for --resume");
        try (var reports = Files.list(dir.resolve("charts"))) {
            String md = Files.readString(reports.findFirst().orElseThrow().resolve("report.md"));
            assertTrue(md.contains("## Real CPython 3.13 beside the simulation"), md);
            assertTrue(md.contains("## CPython interpreters side by side"), md);
        }
    }

    @Test
    void aResumedRunKeepsCpythonsFinishedRoundsAndMeasuresTheRoundCutShortAgain() throws Exception {
        Path run = newRun("--python", fakePython().toString());
        RoundFiles files = new RoundFiles(run);
        String roundOne = Files.readString(files.cpythonFile(1, 2));
        Files.move(files.round(3), files.partialRound(3));
        Files.delete(files.partialRound(3).resolve("cpython-cores-1.json")); // killed before CPython at 1 core
        unfinish(run);
        int before = invocations().size();
        assertEquals(Sweep.Ending.ALL_MEASURED, sweep("--resume", run.toString(), "--charts",
                dir.resolve("charts").toString()).run(false), console.toString());
        List<String> again = invocations().subList(before, invocations().size());
        assertEquals(4, again.size(), "round 3 again, whole, CPython included: " + again);
        assertTrue(again.stream().allMatch(line -> line.contains("round-3.partial")), again.toString());
        assertTrue(again.stream().filter(line -> line.contains("cpython-cores-")).allMatch(line -> line.contains(
                "--cpu-units 7")), "the run's calibration, from its pooled files: " + again);
        assertEquals(roundOne, Files.readString(files.cpythonFile(1, 2)), "finished rounds are kept as they were");
        JsonNode pooled = new ObjectMapper().readTree(new RunFolder(run).cpythonFile(1).toFile());
        assertEquals("[1,2,3]", pooled.get("benchmarks").get(0).get("rounds").toString());
    }

    private static void deleteTree(Path path) throws Exception {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
