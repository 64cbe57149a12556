package org.concurrencybench.sweep;

import org.concurrencybench.sweep.cpython.CpythonPlan;
import org.concurrencybench.sweep.cpython.CpythonSteps;
import org.concurrencybench.sweep.jmh.JmhLauncher;
import org.concurrencybench.sweep.jmh.JmhLock;
import org.concurrencybench.sweep.machine.SuiteJar;
import org.concurrencybench.sweep.plan.Durations;
import org.concurrencybench.sweep.machine.MachineState;
import org.concurrencybench.sweep.plan.SweepException;
import org.concurrencybench.sweep.plan.SweepPlan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.RunFolder;

/**
 * Runs a resolved sweep: writes the run's machine file (with the seed of its rounds' order), then
 * measures in rounds ({@link RoundLoop}): every planned cell at every core count once per round,
 * one JMH fork each, in a shuffled order, until every cell's mean is known to the profile's
 * precision, or the most rounds, or the budget. JMH's files stay as written, one per round and
 * step ({@link org.concurrencybench.results.RoundFiles}); after each round every core count's
 * {@code cores-N.json} pools the rounds so far and every planned cell has a state (measured,
 * FAILED or SKIPPED), so an interrupted sweep (Ctrl-C) keeps every finished round, its JMH child
 * and forks are stopped, and {@code --resume} goes on at the next round. The machine file records
 * why the rounds stopped and which cells fell short of the precision; the run is marked finished
 * when they stopped.
 */
public final class Sweep {

    /** How the sweep went, for the exit code. */
    enum Ending {
        /** Every cell measured or skipped. */
        ALL_MEASURED,
        /** Finished, and some cells failed. */
        CELLS_FAILED,
        /** Interrupted (Ctrl-C, SIGTERM); the finished core counts are kept. */
        INTERRUPTED
    }

    private final SweepSettings settings;
    private final PrintStream console;
    private final RunFolder folder;
    private final String javaBinary;
    private final Path jmhLock;
    private volatile JmhLauncher launcher;
    private final CpythonSteps cpython;
    private final List<Integer> finishedRounds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private SweepInterruption interruption;
    private List<Integer> cpythonRests = List.of();

    Sweep(SweepSettings settings, PrintStream console) {
        // The java that runs this sweep runs the benchmarks too: the JDK recorded is the JDK measured.
        // -Dconcurrencybench.benchmarkJava=PATH puts a stand-in there (the tests' sweeps in a child JVM).
        this(settings, console, System.getProperty("concurrencybench.benchmarkJava",
                org.concurrencybench.process.WorkerLauncher.javaBinary()), JmhLock.file());
    }

    /**
     * A sweep whose JMH runs are started with {@code javaBinary} and that checks JMH's lock at
     * {@code jmhLock} (the tests pass a stand-in java and a lock of their own).
     */
    Sweep(SweepSettings settings, PrintStream console, String javaBinary, Path jmhLock) {
        this.settings = settings;
        this.console = console;
        this.folder = new RunFolder(settings.run().runDir());
        this.javaBinary = javaBinary;
        this.jmhLock = jmhLock;
        this.cpython = new CpythonSteps(settings.host().pythons(), CpythonPlan.companionScript(), settings.plan().profile(),
                settings.plan().models(), settings.plan().workloads(), settings.plan().convoy(), settings.host().pinned(), console)
                .withUserTask(settings.plan().userTasks());
    }

    /** Runs the sweep (or only prints it, for a dry run). */
    Ending run(boolean dryRun) throws IOException, InterruptedException {
        if (dryRun) {
            return plan(true);
        }
        // From the first moment: a Ctrl-C before the first measurement says so too, and leaves no
        // run folder that --resume cannot use.
        interruption = new SweepInterruption(console, settings.run().runDir(), finishedRounds,
                List.of(() -> stopRunning(launcher), cpython::stopRunning));
        interruption.install();
        try {
            return plan(false);
        } finally {
            if (!interruption.stopping()) {
                interruption.settle(); // finished, or an error on its way out: not an interruption
            }
            interruption.loopExited();
        }
    }

    private static void stopRunning(JmhLauncher launcher) {
        if (launcher != null) {
            launcher.stopRunning();
        }
    }

    private Ending plan(boolean dryRun) throws IOException, InterruptedException {
        SweepSteps plan = SweepSteps.of(settings);
        cpythonRests = cpythonRests();
        if (settings.plan().cores().isEmpty() && cpythonRests.isEmpty()) {
            console.println("Nothing left to measure: the rounds of " + settings.run().runDir() + " have stopped.");
            RunCheck.Summary summary = RunCheck.check(folder);
            RunReport.writeIfMissing(settings, console);
            return end(summary);
        }
        MachineInfo.State before = new SweepAnnouncement(console, settings).print(plan,
                estimatedMillis(plan, settings.plan().profile().minRounds()), cpython.note());
        new SweepAnnouncement(console, settings).printRounds(plan, cpython.estimatedMillis(settings.plan().cores(), 1),
                estimatedMillis(plan, settings.plan().profile().maxRounds()));
        boolean archivedForks = SweepPlan.firstLook(settings.plan().profile());
        if (dryRun) {
            new DryRun(console, settings, cpython).print(plan, new JmhLauncher(javaBinary,
                    SuiteJar.benchmarksJar(), settings.host().pinned(), console, null, archivedForks));
            return Ending.ALL_MEASURED;
        }
        try (SweepLock held = SweepLock.acquire(SweepLock.fileBeside(jmhLock), settings.run().runDir())) {
            return measure(plan, before, archivedForks);
        }
    }

    /** The sweep proper, under the sweep lock (from here to the report): the core counts, CPython, the report. */
    private Ending measure(SweepSteps plan, MachineInfo.State before, boolean archivedForks)
            throws IOException, InterruptedException {
        checkNothingInTheWay();
        if (interruption.stopping()) {
            return Ending.INTERRUPTED; // nothing written yet; the shutdown hook says so
        }
        Files.createDirectories(folder.logsDir());
        launcher = new JmhLauncher(javaBinary, SuiteJar.benchmarksJar(), settings.host().pinned(), console, folder.logsDir(),
                archivedForks);
        MachineInfo machine = settings.resuming() ? settings.run().resumed() : MachineDescription.of(settings, before);
        if (machine.rounds() == null) {
            // A run from before rounds, resumed: its missing core counts are measured in rounds.
            machine = machine.withRounds(new MachineInfo.Rounds(settings.plan().seed(), settings.plan().profile().minRounds(),
                    settings.plan().profile().maxRounds(), settings.plan().profile().precision(), null, null, List.of()));
        }
        if (interruption.stopping()) {
            return Ending.INTERRUPTED; // only the empty logs/ so far: the shutdown hook removes it
        }
        writeMachine(machine);
        Instant start = Instant.now();
        try {
            if (!measureCpythonRests()) {
                return Ending.INTERRUPTED; // the shutdown hook says what was kept
            }
            MachineInfo.Rounds stopped = settings.plan().cores().isEmpty() ? machine.rounds() // only CPython was left
                    : new RoundLoop(settings, console, launcher, cpython, interruption, finishedRounds)
                            .run(plan, machine.rounds(), start);
            if (stopped == null) {
                return Ending.INTERRUPTED;
            }
            return finish(machine.withRounds(stopped), start);
        } catch (IOException | RuntimeException e) {
            if (!interruption.stopping()) {
                console.printf("Kept %s in %s; ./run-benchmarks.sh --resume %s measures the rest once the cause is fixed.%n",
                        SweepInterruption.kept(finishedRounds), settings.run().runDir(), settings.run().runDir());
            }
            throw e;
        }
    }

    /** A new run's folder must not exist, no other JMH may be running, and the output folders must take files. */
    private void checkNothingInTheWay() {
        if (settings.runDirExists() && !settings.resuming()) {
            throw new SweepException(settings.run().runDir() + " exists already; choose another --label or --results");
        }
        String lockHolder = JmhLock.holder(jmhLock);
        if (lockHolder != null) {
            throw new SweepException("another JMH run (" + lockHolder + ") holds " + jmhLock
                    + "; wait for it to finish or stop it, then run again");
        }
        Path resultsDir = settings.run().runDir().toAbsolutePath().getParent();
        OutputFolders.check(resultsDir == null ? settings.run().runDir() : resultsDir, settings.run().chartsDir());
    }

    /**
     * A resumed run from before CPython took part in rounds (its CPython ran once per core count,
     * after the JMH steps or round 1): the core counts that finished their JMH steps but not their
     * CPython step (the sweep was stopped during it). CPython measures them again, before the rest,
     * with as many trials as that run's CPython had. A run whose rounds have CPython's files
     * measures a CPython visit cut short with its round.
     */
    private List<Integer> cpythonRests() throws IOException {
        if (!settings.resuming() || !cpython.active() || !cpython.single() // several interpreters: always in rounds
                || new org.concurrencybench.results.RoundFiles(settings.run().runDir()).cpythonInRounds()) {
            return List.of();
        }
        java.util.SortedSet<Integer> rests = folder.finishedCoreCounts();
        rests.removeAll(folder.cpythonCoreCounts());
        rests.retainAll(settings.run().resumed().plan().coreCounts());
        return List.copyOf(rests);
    }

    /** CPython again where a resumed run's CPython step was interrupted; false when interrupted again. */
    private boolean measureCpythonRests() throws IOException, InterruptedException {
        for (int cores : cpythonRests) {
            console.printf("cores=%d: its CPython step was interrupted; measuring it again%n", cores);
            cpython.step(null).run(cores, settings.host().topology().cpusFor(cores), settings.run().runDir(), folder.cpythonFile(cores),
                    List.of(folder.coresFile(cores)), settings.plan().profile().minRounds());
            if (interruption.stopping()) {
                return false;
            }
        }
        return true;
    }

    /** The run measured: checked, marked finished in its machine file if whole, and reported. */
    private Ending finish(MachineInfo machine, Instant start) throws IOException {
        writeMachine(machine); // the rounds' stop first: the check fails a run whose rounds did not end
        RunCheck.Summary summary = RunCheck.check(folder);
        MachineInfo after = machine.withStateAfter(MachineState.now());
        writeMachine(summary.missingCoreCounts().isEmpty() ? after.withFinishedAt(Instant.now().toString()) : after);
        org.concurrencybench.report.sections.BusyMachineWarning.of(after).ifPresent(console::println);
        interruption.settle();
        console.printf("Results: %s (%s)%n", settings.run().runDir(), Durations.format(Duration.between(start, Instant.now())));
        RunReport.write(settings, console);
        return end(summary);
    }

    /** Something the sweep writes into the run folder. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    /** Writes, naming the file in the error if it fails (a full disk says only "No space left on device"). */
    static void writing(Path file, Write write) throws IOException {
        try {
            write.run();
        } catch (java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new java.nio.file.FileSystemException(file.toString(), null, e.getMessage());
        }
    }

    /** The whole run's estimate at {@code rounds} rounds: the JMH steps, the report, and CPython in the rounds it takes part in. */
    private long estimatedMillis(SweepSteps plan, int rounds) {
        return plan.estimatedMillis(rounds) + cpython.estimatedMillis(settings.plan().cores(), rounds);
    }

    private Ending end(RunCheck.Summary summary) {
        console.println(summary.line());
        summary.problems().forEach(problem -> console.println("  " + problem));
        return summary.failed() > 0 || !summary.problems().isEmpty() ? Ending.CELLS_FAILED : Ending.ALL_MEASURED;
    }

    private void writeMachine(MachineInfo machine) throws IOException {
        writing(folder.machineFile(), () -> machine.write(folder.machineFile()));
    }

}
