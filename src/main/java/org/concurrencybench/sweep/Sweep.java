package org.concurrencybench.sweep;

import org.concurrencybench.sweep.cpython.CpythonPlan;
import org.concurrencybench.sweep.cpython.CpythonStep;
import org.concurrencybench.sweep.jmh.CellSettlement;
import org.concurrencybench.sweep.jmh.JmhLauncher;
import org.concurrencybench.sweep.jmh.JmhLock;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.machine.SuiteJar;
import org.concurrencybench.sweep.plan.Durations;
import org.concurrencybench.sweep.machine.MachineState;
import org.concurrencybench.sweep.plan.RunCostModel;
import org.concurrencybench.sweep.plan.SweepException;
import org.concurrencybench.sweep.plan.SweepPlan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.results.JmhResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;

/**
 * Runs a resolved sweep: writes the run's machine file, then for each core count runs the plan's JMH
 * invocations pinned to that many CPUs, gives every planned cell a state (measured, FAILED or
 * SKIPPED) and gathers the measured ones into the core count's results file and the rest into
 * the outcomes file ({@link RunFolder}), with a progress line and an estimate of what is left. A core count's file
 * appears only once every cell has a state, so an interrupted sweep (Ctrl-C) keeps exactly the
 * counts that finished; the JMH child and its forks are stopped, and the console says how to
 * finish the run. The run is marked finished in the machine file only when every planned core
 * count is.
 */
public final class Sweep {

    /** How a core count ended. */
    enum CoreCountEnd {
        /** Every planned cell has a state: the core count's results file written. */
        FINISHED,
        /** The sweep was interrupted meanwhile; nothing written for it. */
        INTERRUPTED
    }

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
    private JmhLauncher launcher;
    private final CpythonStep cpython;
    private final List<Integer> finishedCores = new java.util.concurrent.CopyOnWriteArrayList<>();
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
        this.folder = new RunFolder(settings.runDir());
        this.javaBinary = javaBinary;
        this.jmhLock = jmhLock;
        this.cpython = new CpythonStep(settings.python(), CpythonPlan.companionScript(), settings.profile(),
                settings.models(), settings.workloads(), settings.convoy(), settings.pinned(), console);
    }

    /** Runs the sweep (or only prints it, for a dry run). */
    Ending run(boolean dryRun) throws IOException, InterruptedException {
        SweepSteps plan = SweepSteps.of(settings);
        cpythonRests = cpythonRests();
        if (settings.cores().isEmpty() && cpythonRests.isEmpty()) {
            console.println("Nothing left to measure: every core count of " + settings.runDir() + " has its results.");
            RunCheck.Summary summary = RunCheck.check(folder);
            RunReport.writeIfMissing(settings, console);
            return end(summary);
        }
        MachineInfo.State before = new SweepAnnouncement(console, settings).print(plan, estimatedMillis(plan),
                cpython.note());
        boolean archivedForks = SweepPlan.firstLook(settings.profile());
        if (dryRun) {
            new DryRun(console, settings, folder, cpython).print(plan, new JmhLauncher(javaBinary,
                    SuiteJar.benchmarksJar(), settings.pinned(), console, null, archivedForks));
            return Ending.ALL_MEASURED;
        }
        try (SweepLock held = SweepLock.acquire(SweepLock.fileBeside(jmhLock), settings.runDir())) {
            return measure(plan, before, archivedForks);
        }
    }

    /** The sweep proper, under the sweep lock (from here to the report): the core counts, CPython, the report. */
    private Ending measure(SweepSteps plan, MachineInfo.State before, boolean archivedForks)
            throws IOException, InterruptedException {
        checkNothingInTheWay();
        Files.createDirectories(folder.logsDir());
        launcher = new JmhLauncher(javaBinary, SuiteJar.benchmarksJar(), settings.pinned(), console, folder.logsDir(),
                archivedForks);
        MachineInfo machine = settings.resuming() ? settings.resumed() : MachineDescription.of(settings, before);
        writeMachine(machine);
        interruption = new SweepInterruption(console, settings.runDir(), settings.cores(), finishedCores,
                List.of(launcher::stopRunning, cpython::stopRunning));
        interruption.install();
        Instant start = Instant.now();
        try {
            if (!measureCpythonRests() || !measureEveryCoreCount(plan, start)) {
                return Ending.INTERRUPTED; // the shutdown hook says what was kept
            }
            return finish(machine, start);
        } catch (IOException | RuntimeException e) {
            if (!interruption.stopping()) {
                console.printf("Kept %s in %s; ./run-benchmarks.sh --resume %s measures the rest once the cause is fixed.%n",
                        finishedCores.isEmpty() ? "no core count" : "core counts " + finishedCores, settings.runDir(),
                        settings.runDir());
            }
            throw e;
        } finally {
            if (!interruption.stopping()) {
                interruption.settle(); // an error on its way out: not an interruption
            }
            interruption.loopExited();
        }
    }

    /** A new run's folder must not exist, no other JMH may be running, and the output folders must take files. */
    private void checkNothingInTheWay() {
        if (settings.runDirExists() && !settings.resuming()) {
            throw new SweepException(settings.runDir() + " exists already; choose another --label or --results");
        }
        String lockHolder = JmhLock.holder(jmhLock);
        if (lockHolder != null) {
            throw new SweepException("another JMH run (" + lockHolder + ") holds " + jmhLock
                    + "; wait for it to finish or stop it, then run again");
        }
        Path resultsDir = settings.runDir().toAbsolutePath().getParent();
        OutputFolders.check(resultsDir == null ? settings.runDir() : resultsDir, settings.chartsDir());
    }

    /**
     * A resumed run's core counts that finished their JMH steps but not their CPython step (the
     * sweep was stopped during it): CPython measures them again, before the rest.
     */
    private List<Integer> cpythonRests() throws IOException {
        if (!settings.resuming() || !cpython.active()) {
            return List.of();
        }
        java.util.SortedSet<Integer> rests = folder.finishedCoreCounts();
        rests.removeAll(folder.cpythonCoreCounts());
        rests.retainAll(settings.resumed().coreCounts());
        return List.copyOf(rests);
    }

    /** CPython again where a resumed run's CPython step was interrupted; false when interrupted again. */
    private boolean measureCpythonRests() throws IOException, InterruptedException {
        for (int cores : cpythonRests) {
            console.printf("cores=%d: its CPython step was interrupted; measuring it again%n", cores);
            cpython.run(cores, settings.topology().cpusFor(cores), settings.runDir());
            if (interruption.stopping()) {
                return false;
            }
        }
        return true;
    }

    /** Every core count in turn, JMH then CPython, with a progress line; false when interrupted. */
    private boolean measureEveryCoreCount(SweepSteps plan, Instant start) throws IOException, InterruptedException {
        long estimatedDone = 0;
        int index = 0;
        for (int cores : settings.cores()) {
            index++;
            Duration elapsed = Duration.between(start, Instant.now());
            console.printf("[%d/%d] cores=%s cpus=%s  elapsed %s, about %s left%n", index, settings.cores().size(),
                    CpuTopology.label(cores, settings.topology().physicalCores()),
                    settings.pinned() ? settings.topology().cpusFor(cores) : "(not pinned)", Durations.format(elapsed),
                    Durations.format(remaining(elapsed, estimatedDone, estimatedMillis(plan))));
            List<SweepPlan.Step> steps = plan.stepsAt(cores);
            if (runCoreCount(cores, steps, plan.skippedAt(cores)) == CoreCountEnd.INTERRUPTED) {
                return false;
            }
            if (cpython.active()) {
                cpython.run(cores, settings.topology().cpusFor(cores), settings.runDir());
                if (interruption.stopping()) {
                    return false;
                }
            }
            estimatedDone += RunCostModel.millis(steps, cores) + cpython.estimatedMillis(cores);
        }
        return true;
    }

    /** The run measured: checked, marked finished in its machine file if whole, and reported. */
    private Ending finish(MachineInfo machine, Instant start) throws IOException {
        RunCheck.Summary summary = RunCheck.check(folder);
        MachineInfo after = machine.withStateAfter(MachineState.now());
        writeMachine(summary.missingCoreCounts().isEmpty() ? after.finishedAt(Instant.now().toString()) : after);
        interruption.settle();
        console.printf("Results: %s (%s)%n", settings.runDir(), Durations.format(Duration.between(start, Instant.now())));
        RunReport.write(settings, console);
        return end(summary);
    }

    /** Something the sweep writes into the run folder. */
    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    /** Writes, naming the file in the error if it fails (a full disk says only "No space left on device"). */
    private static void writing(Path file, Write write) throws IOException {
        try {
            write.run();
        } catch (java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new java.nio.file.FileSystemException(file.toString(), null, e.getMessage());
        }
    }

    /** The whole run's estimate: the JMH steps, the report, and CPython at each core count. */
    private long estimatedMillis(SweepSteps plan) {
        return plan.estimatedMillis() + cpython.estimatedMillis(settings.cores());
    }

    private Ending end(RunCheck.Summary summary) {
        console.println(summary.line());
        summary.problems().forEach(problem -> console.println("  " + problem));
        return summary.failed() > 0 || !summary.problems().isEmpty() ? Ending.CELLS_FAILED : Ending.ALL_MEASURED;
    }

    /**
     * Runs one core count's steps, settles every planned cell, and writes the core count's results file
     * (the measured cells' results, as JMH wrote them) and this count's part of
     * the outcomes file.
     */
    private CoreCountEnd runCoreCount(int cores, List<SweepPlan.Step> steps, List<Outcome> skipped)
            throws IOException, InterruptedException {
        String cpus = settings.topology().cpusFor(cores);
        List<JmhResult> measured = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(skipped);
        for (SweepPlan.Step step : steps) {
            if (step.capacity() != null) {
                console.printf("  capacity: %s %s tasks=%s%n", step.capacity().model(), step.capacity().workload(),
                        step.capacity().run());
            }
            Path part = folder.stepFile(cores, step.name());
            Files.deleteIfExists(part); // an interrupted run's leftovers
            JmhLauncher.Result result = launcher.run(cores, cpus, step.jmhArgs(), part, folder.logFile(cores));
            if (interruption.stopping()) {
                return CoreCountEnd.INTERRUPTED;
            }
            List<JmhResult> results = readResults(part);
            String noResult = "no result from JMH (exit code " + result.exitCode()
                    + (result.firstError() == null ? "" : ", " + result.firstError()) + "); see "
                    + settings.runDir().relativize(folder.logFile(cores));
            CellSettlement.Settled settledStep = CellSettlement.settle(cores, step.cells(), results, result.failures(),
                    noResult);
            measured.addAll(settledStep.measured());
            outcomes.addAll(settledStep.failed());
            if (results.isEmpty() && !settledStep.failed().isEmpty()) {
                console.printf("    no results from the %s benchmarks at %d cores: %s%n", step.name(), cores, noResult);
            }
            Files.deleteIfExists(part);
        }
        writing(folder.unfinishedFile(cores), () -> folder.writeCoreCount(cores,
                measured.stream().map(JmhResult::source).toList(), outcomes));
        finishedCores.add(cores);
        return CoreCountEnd.FINISHED;
    }

    /** JMH's entries in one step's result file; none if it wrote nothing, or something damaged. */
    private List<JmhResult> readResults(Path part) {
        try {
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                return List.of();
            }
            return JmhResultFile.read(part);
        } catch (IOException | RunFolderException e) {
            console.printf("    %s is damaged (%s); its cells count as failed%n", part.getFileName(), e.getMessage());
            return List.of();
        }
    }

    private static Duration remaining(Duration elapsed, long estimatedDone, long estimatedTotal) {
        if (estimatedDone == 0) {
            return Duration.ofMillis(estimatedTotal);
        }
        double pace = (double) elapsed.toMillis() / estimatedDone;
        return Duration.ofMillis((long) ((estimatedTotal - estimatedDone) * pace));
    }


    private void writeMachine(MachineInfo machine) throws IOException {
        writing(folder.machineFile(), () -> machine.write(folder.machineFile()));
    }

}
