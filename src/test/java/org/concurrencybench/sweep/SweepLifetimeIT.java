package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.Leftovers;
import org.concurrencybench.sweep.machine.HangingProbeIT;
import org.concurrencybench.sweep.machine.MachineProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep holds its own lock from plan to report, so a second one is
 * refused in one line at its start; of two started at once exactly one runs; and nothing the sweep
 * started outlives it, {@code kill -9} included. Each sweep is a child JVM with a stand-in JMH.
 */
class SweepLifetimeIT {

    private static final String[] SMALL = {"--smoke", "--cores", "1", "--models", "SEQUENTIAL", "--workloads", "CPU",
        "--spread", "NONE", "--results", "r", "--charts", "c"};

    @TempDir
    Path dir;

    private static String[] small(String... more) {
        String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + more.length);
        System.arraycopy(more, 0, args, SMALL.length, more.length);
        return args;
    }

    /** A second sweep during the first's CPython step, when JMH's own lock is free, must not take it. */
    @Test
    void aSecondSweepDuringTheFirstsCpythonStepIsRefusedInOneLine() throws Exception {
        Path fake = ChildSweep.fakeJava(dir, "");
        Path python = ChildSweep.fakePython(dir, "slow-python", """
                sleep 6
                echo '{"format":"concurrencybench-cpython/1","cores":1,"benchmarks":[],"failed":[],"cpuUnits":700}' > "$out"
                """);
        Process first = ChildSweep.startLogged(dir, fake, "first.txt", small("--python", python.toString(), "--label", "a"));
        ChildSweep.awaitConsole(dir, "first.txt", "cpython:");
        Process second = ChildSweep.startLogged(dir, fake, "second.txt", small("--no-python", "--label", "b"));
        assertEquals(SweepCommand.ERROR, ChildSweep.exitCode(second), ChildSweep.console(dir, "second.txt"));
        String refusal = ChildSweep.console(dir, "second.txt");
        assertTrue(refusal.contains("run-benchmarks.sh: another sweep (pid " + first.pid() + ", run folder r"),
                refusal);
        assertTrue(refusal.contains("-a) is running"), refusal);
        ChildSweep.exitCode(first);
        String firstConsole = ChildSweep.console(dir, "first.txt");
        assertTrue(firstConsole.contains("measured 1 of 1 cells; 0 failed"), firstConsole);
        try (var runs = Files.list(dir.resolve("r"))) {
            assertEquals(1, runs.count(), "the refused sweep made no run folder");
        }
    }

    /** Defect 1: two sweeps started at the same moment; exactly one runs, the other is refused. */
    @Test
    void ofTwoSweepsStartedAtOnceExactlyOneRuns() throws Exception {
        Path fake = ChildSweep.fakeJava(dir, "sleep 2");
        Process a = ChildSweep.startLogged(dir, fake, "a.txt", small("--no-python", "--label", "a"));
        Process b = ChildSweep.startLogged(dir, fake, "b.txt", small("--no-python", "--label", "b"));
        int exitA = ChildSweep.exitCode(a);
        int exitB = ChildSweep.exitCode(b);
        String both = ChildSweep.console(dir, "a.txt") + ChildSweep.console(dir, "b.txt");
        assertEquals(1, both.split("another sweep \\(pid ", -1).length - 1, both);
        assertEquals(List.of(SweepCommand.OK, SweepCommand.ERROR), exitA == SweepCommand.OK ? List.of(exitA, exitB)
                : List.of(exitB, exitA), both);
    }

    /** Defect 8: the CPython companion and every process under it die with a sweep killed by kill -9. */
    @Test
    void theCpythonCompanionDiesWithAKilledSweep() throws Exception {
        String version = MachineProbe.command(List.of("python3", "-c",
                "import sys; print(int(sys.version_info >= (3, 9)))"), null);
        assumeTrue(version != null && version.trim().equals("1"), "needs a python3 3.9+");
        Path fake = ChildSweep.fakeJava(dir, "");
        Process sweep = ChildSweep.start(dir, fake, "--smoke", "--cores", "1", "--models", "SEQUENTIAL,PROCESS_POOL",
                "--workloads", "CPU", "--spread", "NONE", "--results", "r", "--charts", "c", "--label", "k",
                "--python", "python3");
        ChildSweep.awaitConsole(dir, "cpython:");
        List<ProcessHandle> children = List.of();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (children.stream().noneMatch(p -> p.info().commandLine().orElse("").contains("cpybench.trial"))) {
            assertTrue(System.nanoTime() < deadline && sweep.isAlive(), "no CPython trial seen:\n" + ChildSweep.console(dir));
            Thread.sleep(20); // until the companion runs a trial interpreter (whose pool has workers)
            children = sweep.descendants().toList();
        }
        sweep.destroyForcibly(); // kill -9
        sweep.waitFor(1, TimeUnit.MINUTES);
        List<String> alive = new java.util.ArrayList<>();
        for (ProcessHandle child : children) {
            if (HangingProbeIT.running(child.pid())) {
                alive.add(child.pid() + " " + child.info().commandLine().orElse("?"));
            }
        }
        assertEquals(List.of(), alive, "alive after the sweep died");
        // What could still write into the run is a process that names the test's folder (the
        // companion names its output file): once none runs, nothing can write afterwards.
        assertEquals(List.of(), Leftovers.naming(dir.toString(), java.time.Duration.ofMinutes(1)),
                "alive after the sweep died, outside its tree");
        try (var runs = Files.list(dir.resolve("r"))) {
            Path run = runs.findFirst().orElseThrow();
            assertFalse(Files.exists(run.resolve("cpython-cores-1.json")), "nothing wrote into the run afterwards");
            assertFalse(Files.exists(new org.concurrencybench.results.RoundFiles(run).partialCpythonFile(1, 1)),
                    "nor into its round");
        }
    }
}
