package org.concurrencybench.sweep.cpython;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.cpython.CpythonResultFile;
import org.concurrencybench.results.JsonMapping;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;
import org.concurrencybench.sweep.jmh.ChildProcess;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.workload.Workload;

/**
 * The real CPython beside the simulation: at a core count, under the same CPU affinity as the JMH
 * steps there, runs {@code python/run_cpython.py} (the companion) as its {@link CpythonPlan} says,
 * into the file it is given (in a sweep, the round's: {@link org.concurrencybench.results.RoundFiles#partialCpythonFile}),
 * with Python's task calibrated to the JVM's ({@link CpythonCalibration}). Benchmarks that fail are
 * listed in the file with their reason by the runner; if the runner itself fails, this step writes a
 * file saying so, so the report shows every CPython cell of that core count as FAILED with that reason.
 */
public final class CpythonStep {

    /** A runner's time limit: this many times its estimate, plus {@link #LIMIT_SLACK_MILLIS}. */
    private static final int LIMIT_FACTOR = 3;
    private static final long LIMIT_SLACK_MILLIS = 60_000;

    /** What a core count's file says when the runner itself failed: no benchmarks, and why. */
    record RunnerFailure(String format, int cores, String cpus, String runnerFailure, List<Object> benchmarks,
                         List<Object> failed) {
        RunnerFailure(int cores, String cpus, String why) {
            this(RunFolder.CPYTHON_FORMAT, cores, cpus, why, List.of(), List.of());
        }
    }

    private final CpythonPlan plan;
    private final String label; // the interpreter's name in a run of several; null in a run of one
    private final boolean pin;
    private final PrintStream console;
    private final ChildProcess child = new ChildProcess();
    private Integer cpuUnits; // fixed by the first visit, then reused

    public CpythonStep(CpythonInterpreter interpreter, Path script, Profile profile, List<Model> models,
                       List<Workload> chosen, boolean convoy, boolean pin, PrintStream console) {
        this(interpreter, null, script, profile, models, chosen, convoy, pin, console);
    }

    /**
     * The step of one interpreter of several, {@code label} naming its files and log
     * ({@link RunFolder#cpythonFile(String, int)}); null label: a run of one.
     */
    public CpythonStep(CpythonInterpreter interpreter, String label, Path script, Profile profile, List<Model> models,
                       List<Workload> chosen, boolean convoy, boolean pin, PrintStream console) {
        this.plan = new CpythonPlan(interpreter, script, profile, models, chosen, convoy);
        this.label = label;
        this.pin = pin;
        this.console = console;
    }

    /** Runs the user's function ({@code --python-task}) too, as the workload USER; nothing changes without one. */
    public CpythonStep withUserTask(org.concurrencybench.results.MachineInfo.UserTasks user) {
        plan.withUserTask(user);
        return this;
    }

    /** The one console line about CPython: the interpreter's, or why it cannot run. */
    public String note() {
        return plan.note();
    }

    /** Whether this step has anything to run. */
    public boolean active() {
        return plan.active();
    }

    /** The benchmarks one core count runs. */
    int benchmarks() {
        return plan.benchmarks();
    }

    /** The estimated time of one core count in one round (one trial per benchmark); 0 when nothing runs. */
    public long estimatedMillis(int cores) {
        return plan.estimatedMillis(cores);
    }

    /** The estimated time of a run of {@code rounds} rounds at every core count of {@code cores}. */
    public long estimatedMillis(List<Integer> cores, int rounds) {
        return plan.estimatedMillis(cores, rounds);
    }

    /** The command for one core count, {@code trials} per benchmark, with one JVM task of {@code taskMillis}. */
    List<String> command(int cores, String cpus, Path out, int trials, double taskMillis) {
        return plan.command(cores, cpus, out, trials, taskMillis, cpuUnits, pin);
    }

    /** A round's command a dry run shows: before anything is measured, the default task's time stands in for the JVM's. */
    public List<String> plannedCommand(int cores, String cpus, Path out) {
        return command(cores, cpus, out, 1, CpythonCalibration.DEFAULT_TASK_MILLIS);
    }

    /**
     * Runs the companion for one core count, {@code trials} per benchmark (one in a round), into
     * {@code out}; what it measured, or why it failed, lands there, and its console in the run's log.
     *
     * @param jvmResults the JMH files to take the JVM's SEQUENTIAL CPU task time from, first found wins
     */
    public void run(int cores, String cpus, Path runDir, Path out, List<Path> jvmResults, int trials)
            throws IOException, InterruptedException {
        RunFolder folder = new RunFolder(runDir);
        Path log = folder.cpythonLogFile(label, cores);
        if (cpuUnits == null) {
            cpuUnits = CpythonCalibration.cpuUnits(folder, label); // a resumed run's, from its pooled files
        }
        List<String> command = command(cores, cpus, out, trials, CpythonCalibration.jvmTaskMillis(jvmResults));
        console.printf("  cpython: %d benchmarks with %s %s%n", benchmarks(), plan.interpreter().executable(),
                plan.interpreter().version());
        Process process = child.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
        if (process == null) {
            return;
        }
        process.getOutputStream().close();
        long limitMillis = LIMIT_FACTOR * plan.estimatedMillis(cores, trials) + LIMIT_SLACK_MILLIS;
        boolean ended = process.waitFor(limitMillis, TimeUnit.MILLISECONDS);
        child.ended();
        if (child.stopped()) {
            return;
        }
        if (!ended) {
            ChildProcess.kill(process);
            fail(cores, cpus, out, log, "the CPython runner ran past " + limitMillis / 1000 + " s");
        } else if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
            fail(cores, cpus, out, log, "the CPython runner exited " + process.exitValue() + ": " + lastLine(log));
        } else {
            summarize(out);
            if (cpuUnits == null) {
                cpuUnits = CpythonCalibration.cpuUnits(out); // calibrated here: every later visit reuses it
            }
        }
    }

    /** Stops a running companion and every process it started (Ctrl-C); nothing more starts. */
    public void stopRunning() {
        child.stop();
    }

    private void fail(int cores, String cpus, Path out, Path log, String why) throws IOException {
        JsonMapping.mapper().writeValue(out.toFile(), new RunnerFailure(cores, cpus, why));
        console.printf("    cpython at %d cores FAILED: %s (see %s)%n", cores, why, log);
    }

    private void summarize(Path out) {
        CpythonResultFile.CoreCount written;
        try {
            written = CpythonResultFile.read(out);
        } catch (RunFolderException e) {
            console.printf("    cpython: %s%n", e.getMessage()); // the report and verify say it again
            return;
        }
        List<CpythonResultFile.Failed> all = written.failed() == null ? List.of() : written.failed();
        List<CpythonResultFile.Failed> failed = all.stream().filter(f -> !f.unavailable()).toList();
        // a form this interpreter lacks is said once per file, by name, and is no failure
        List<String> lacking = all.stream().filter(CpythonResultFile.Failed::unavailable)
                .map(f -> f.params() == null ? null : f.params().get("form")).filter(java.util.Objects::nonNull)
                .distinct().toList();
        console.printf("    cpython: %d measured, %d failed%s, %d CPU units per task -> %s%n",
                written.benchmarks().size(), failed.size(),
                lacking.isEmpty() ? "" : ", " + String.join(", ", lacking) + " not available in this CPython",
                written.cpuUnits() == null ? 0 : written.cpuUnits(), out.getFileName());
        failed.forEach(f -> console.printf("    cpython %s %s FAILED: %s%n", f.benchmark(), f.params(), f.reason()));
    }

    private static String lastLine(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "no output";
        }
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
    }
}
