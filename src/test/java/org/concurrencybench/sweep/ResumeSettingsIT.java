package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuTopology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.concurrencybench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --resume} finishes a run with every setting it was started with (CPython
 * on or off, the charts folder, the capacity limit), and measures an interrupted CPython step again.
 * An interruption is played by removing what the interrupted step would not have written.
 */
class ResumeSettingsIT {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Path sweep(String... args) throws Exception {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs(args);
        SweepSettings settings = SweepSettings.resolve(command.request(),
                CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1))));
        run(settings);
        return settings.run().runDir();
    }

    private void run(SweepSettings settings) throws Exception {
        new Sweep(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                ChildSweep.fakeJava(dir, "").toString(), dir.resolve("jmh.lock")).run(false);
    }

    private static String[] args(String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("--quick", "--cores", "1,2", "--models", "SEQUENTIAL",
                "--workloads", "CPU", "--spread", "NONE", "--label", "t"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aResumedRunKeepsItsChartsFolderNoPythonAndCapacityLimit() throws Exception {
        Path charts = dir.resolve("my-charts");
        Path run = sweep(args("--no-python", "--max-batch-seconds", "7", "--results", dir.resolve("r").toString(),
                "--charts", charts.toString()));
        SweepRoundsIT.unfinish(run); // stopped before its rounds did

        SweepSettings resumed = CommandLines.resolve("--resume", run.toString());
        assertFalse(resumed.host().pythons().first().present(), "the run was started with --no-python");
        assertEquals(charts, resumed.run().chartsDir());
        assertEquals(Duration.ofSeconds(7), resumed.plan().maxBatch());
        assertEquals(List.of(1, 2), resumed.plan().cores(), "a run in rounds goes on at every core count");
        run(resumed);
        assertTrue(Files.isRegularFile(charts.resolve(run.getFileName()).resolve("report.md")), console.toString());
        assertFalse(Files.exists(new RunFolder(run).cpythonFile(2)), "no CPython");
    }

    /** Nit: resuming on fewer CPUs blamed a {@code --cores 2} the user never typed. */
    @Test
    void resumingOnFewerCpusSaysSoWithoutBlamingAFlag() throws Exception {
        Path run = sweep(args("--no-python", "--results", dir.resolve("r").toString(), "--charts",
                dir.resolve("c").toString()));
        SweepRoundsIT.unfinish(run);
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--resume", run.toString());
        org.concurrencybench.sweep.plan.SweepException error = org.junit.jupiter.api.Assertions.assertThrows(
                org.concurrencybench.sweep.plan.SweepException.class, () -> SweepSettings.resume(command.request(),
                        CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0)))));
        assertEquals("--resume " + run + ": the run planned 2 cores, and this machine lets the suite use 1; finish it"
                + " where it started (or on as many CPUs)", error.getMessage());
    }

    /**
     * A run from before CPython took part in rounds (its CPython once per core count after round 1,
     * no CPython files in its rounds), stopped during that step: its CPython is measured again.
     */
    @Test
    void anInterruptedCpythonStepOfARunFromBeforeCpythonInRoundsIsMeasuredAgain() throws Exception {
        Path calls = dir.resolve("python-calls");
        Path python = ChildSweep.fakePython(dir, "fake-python", """
                cores=""; prev=""; for a in "$@"; do [ "$prev" = "--cores" ] && cores="$a"; prev="$a"; done
                echo "$cores" >> %s
                echo '{"format":"concurrencybench-cpython/1","cores":'$cores',"benchmarks":[],"failed":[],"cpuUnits":700}' > "$out"
                """.formatted(calls));
        Path run = sweep(args("--python", python.toString(), "--results", dir.resolve("r").toString(),
                "--charts", dir.resolve("c").toString()));
        assertEquals(List.of("1", "2"), Files.readAllLines(calls).stream().sorted().toList(), "in round 1, each core count");
        Files.delete(new RunFolder(run).cpythonFile(2)); // stopped during CPython's step at core count 2
        org.concurrencybench.results.RoundFiles rounds = new org.concurrencybench.results.RoundFiles(run);
        Files.delete(rounds.cpythonFile(1, 1)); // the run's CPython ran outside its rounds
        Files.delete(rounds.cpythonFile(1, 2));

        SweepSettings resumed = CommandLines.resolve("--resume", run.toString());
        assertEquals(python.toString(), resumed.host().pythons().first().executable());
        run(resumed);
        List<String> after = Files.readAllLines(calls);
        assertEquals(List.of("2"), after.subList(2, after.size()), console.toString());
        assertTrue(Files.isRegularFile(new RunFolder(run).cpythonFile(2)));
        assertTrue(console.toString().contains("cores=2: its CPython step was interrupted; measuring it again"),
                console.toString());
    }
}
