package org.concurrencybench.sweep.cpython;

import org.concurrencybench.sweep.machine.SuiteJar;
import org.concurrencybench.sweep.machine.MachineProbe;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.RunCostModel;
import org.concurrencybench.sweep.plan.SweepPlan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.bench.BenchmarkDefaults;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.CpythonPairing;
import org.concurrencybench.results.JmhResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.results.RunFolder;

/**
 * The real CPython beside the simulation: at each core count, after the JMH steps and under the same
 * CPU affinity, runs {@code python/run_cpython.py} (the companion) for the CPython forms paired
 * with the chosen models and the chosen workloads, into the run folder ({@link RunFolder#cpythonFile}).
 *
 * <p>The CPU units of a Python task are chosen once per run so that one Python task lasts about as
 * long as one JVM task: the runner calibrates them at the first core count to the JVM's
 * {@code SEQUENTIAL} CPU time per task, and every later count reuses them (a speedup compares the
 * same work). Benchmarks that fail are listed in the file with their reason by the runner; if the
 * runner itself fails, this step writes a file saying so, so the report shows every CPython cell
 * of that core count as FAILED with that reason.
 */
public final class CpythonStep {

    /** The oldest CPython the companion supports. */
    static final String MINIMUM = "3.9";
    private static final String PROBE = "import sys; print(sys.version.split()[0], int(sys.version_info >= (3, 9)),"
            + " int(getattr(sys, '_is_gil_enabled', lambda: True)()))";
    private static final List<Workload> WORKLOADS = List.of(Workload.CPU, Workload.SLEEP, Workload.IO);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The interpreter the sweep runs, or none, with the one line the console shows about it.
     *
     * @param executable the python to run; null for none
     * @param freeThreaded whether its GIL is off (a free-threaded build)
     */
    public record Interpreter(String executable, String version, boolean freeThreaded, String note) {
        static Interpreter none(String note) {
            return new Interpreter(null, null, false, note);
        }

        boolean present() {
            return executable != null;
        }
    }

    private final Interpreter interpreter;
    private final Path script;
    private final Profile profile;
    private final List<String> forms = new ArrayList<>();
    private final List<Model> pairedModels = new ArrayList<>(); // the forms' models, in the forms' order
    private final List<String> workloads = new ArrayList<>();
    private final boolean pin;
    private final PrintStream console;
    private Integer cpuUnits; // fixed by the first core count, then reused
    private Process running;  // guarded by this
    private boolean stopped;  // guarded by this

    public CpythonStep(Interpreter interpreter, Path script, Profile profile, List<Model> models, List<Workload> chosen,
                boolean convoy, boolean pin, PrintStream console) {
        this.interpreter = interpreter;
        this.script = script;
        this.profile = profile;
        this.pin = pin;
        this.console = console;
        CpythonPairing.forms(interpreter.freeThreaded()).forEach((form, model) -> {
            if (models.contains(model)) {
                forms.add(form);
                pairedModels.add(model);
            }
        });
        WORKLOADS.stream().filter(chosen::contains).forEach(w -> workloads.add(w.name()));
        if (convoy) {
            workloads.add("CONVOY");
        }
    }

    /**
     * Finds the interpreter: none with {@code --no-python}; {@code --python PATH} if it is a CPython
     * 3.9+ (else a usage error naming it); otherwise {@code python3} on the PATH if it is one.
     */
    public static Interpreter find(String requested, boolean disabled) {
        if (disabled) {
            return Interpreter.none("CPython: not run (--no-python)");
        }
        String executable = requested == null ? "python3" : requested;
        String probe = MachineProbe.command(List.of(executable, "-c", PROBE), null);
        String[] words = probe == null ? new String[0] : probe.trim().split("\\s+");
        boolean suitable = words.length == 3 && words[1].equals("1");
        if (!suitable) {
            String why = probe == null ? "it did not run"
                    : words.length > 0 && words[0].matches("\\d+\\.\\d+.*") ? "it is Python " + words[0]
                    : probe.isBlank() ? "it printed no version (is it a Python at all?)"
                    : "it printed no version but \"" + firstLine(probe) + "\"";
            if (requested != null) {
                throw new IllegalArgumentException("--python " + requested + ": expected a CPython " + MINIMUM
                        + " or newer, but " + why);
            }
            return Interpreter.none("CPython: no python3 " + MINIMUM + "+ found (" + why
                    + "); the comparison with real CPython is skipped (--python PATH chooses one)");
        }
        boolean free = words[2].equals("0");
        return new Interpreter(executable, words[0], free, "CPython: " + executable + " " + words[0]
                + (free ? " (free-threaded)" : "") + " runs beside the JVM at each core count (--no-python skips it)");
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    /** The one console line about CPython: the interpreter's, or why it cannot run. */
    public String note() {
        if (interpreter.present() && !Files.isRegularFile(script)) {
            return "CPython: not run, the companion " + script + " is missing (run from the suite's folder)";
        }
        return interpreter.note();
    }

    /** Whether this step has anything to run. */
    public boolean active() {
        return interpreter.present() && Files.isRegularFile(script)
                && (workloads.contains("CONVOY") || (!forms.isEmpty() && workloads.size() > 0));
    }

    /** The benchmarks one core count runs. */
    int benchmarks() {
        int batches = (int) workloads.stream().filter(w -> !w.equals("CONVOY")).count() * forms.size();
        return batches + convoyTrials();
    }

    /**
     * The convoy's cells: the JVM's (fewer in a first look); a free-threaded CPython has no lock
     * to switch, so it runs at CPython's default interval only, as the JVM's free threads do.
     */
    private SweepPlan.ConvoyCells convoyCells() {
        SweepPlan.ConvoyCells jvm = SweepPlan.convoyCells(profile);
        String cpythonInterval = String.valueOf(BenchmarkDefaults.CPYTHON_SWITCH_INTERVAL_MICROS);
        return interpreter.freeThreaded() ? new SweepPlan.ConvoyCells(jvm.cpuThreads(), List.of(cpythonInterval)) : jvm;
    }

    private int convoyTrials() {
        SweepPlan.ConvoyCells convoy = convoyCells();
        return workloads.contains("CONVOY") ? convoy.cpuThreads().size() * convoy.switchIntervals().size() : 0;
    }

    /** The estimated time of one core count ({@link RunCostModel#cpythonMillis}); 0 when nothing runs. */
    public long estimatedMillis(int cores) {
        if (!active()) {
            return 0;
        }
        List<Workload> batches = workloads.stream().filter(w -> !w.equals("CONVOY")).map(Workload::valueOf).toList();
        return RunCostModel.cpythonMillis(pairedModels, batches, convoyTrials(), profile, cores);
    }

    /** The estimated time of every core count of {@code cores}. */
    public long estimatedMillis(List<Integer> cores) {
        return cores.stream().mapToLong(this::estimatedMillis).sum();
    }

    /** The companion's runner, in the suite's folder (an unpacked bundle has none). */
    public static Path companionScript() {
        return SuiteJar.suiteDir().resolve("python").resolve("run_cpython.py");
    }

    /** The command for one core count. */
    public List<String> command(int cores, String cpus, Path out, double taskMillis) {
        List<String> command = new ArrayList<>();
        if (pin) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.addAll(List.of(interpreter.executable(), script.toString(), "--out", out.toString(),
                "--cores", String.valueOf(cores), "--cpus", cpus, "--profile", profile.name(),
                "--timing", profile.forks() + "," + profile.warmupIterations() + "," + profile.warmupMillis() + ","
                        + profile.iterations() + "," + profile.iterationMillis(),
                "--forms", String.join(",", forms), "--workloads", String.join(",", workloads),
                "--task-ms", String.format(Locale.ROOT, "%.3f", taskMillis)));
        if (workloads.contains("CONVOY")) {
            SweepPlan.ConvoyCells convoy = convoyCells();
            command.addAll(List.of("--cpu-threads", String.join(",", convoy.cpuThreads()),
                    "--switch-intervals", String.join(",", convoy.switchIntervals())));
        }
        if (cpuUnits != null) {
            command.addAll(List.of("--cpu-units", String.valueOf(cpuUnits)));
        }
        if (profile.batchTasks() > 0) {
            command.addAll(List.of("--tasks", String.valueOf(profile.batchTasks())));
        }
        return command;
    }

    /** Runs the companion for one core count; what it measured, or why it failed, lands in the run folder. */
    public void run(int cores, String cpus, Path runDir) throws IOException, InterruptedException {
        RunFolder folder = new RunFolder(runDir);
        Path out = folder.cpythonFile(cores);
        Path log = folder.cpythonLogFile(cores);
        rememberCpuUnits(runDir);
        List<String> command = command(cores, cpus, out, jvmTaskMillis(folder.coresFile(cores)));
        console.printf("  cpython: %d benchmarks with %s %s%n", benchmarks(), interpreter.executable(),
                interpreter.version());
        Process process;
        synchronized (this) {
            if (stopped) {
                return;
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            running = process;
        }
        process.getOutputStream().close();
        long limitMillis = 3 * estimatedMillis(cores) + 60_000;
        boolean ended = process.waitFor(limitMillis, TimeUnit.MILLISECONDS);
        synchronized (this) {
            running = null;
            if (stopped) {
                return;
            }
        }
        String failure = null;
        if (!ended) {
            stop(process);
            failure = "the CPython runner ran past " + limitMillis / 1000 + " s";
        } else if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
            failure = "the CPython runner exited " + process.exitValue() + ": " + lastLine(log);
        }
        if (failure != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", "concurrencybench-cpython/1");
            doc.put("cores", cores);
            doc.put("cpus", cpus);
            doc.put("runnerFailure", failure);
            doc.put("benchmarks", List.of());
            doc.put("failed", List.of());
            JSON.writeValue(out.toFile(), doc);
            console.printf("    cpython at %d cores FAILED: %s (see %s)%n", cores, failure, log);
            return;
        }
        JsonNode written = JSON.readTree(out.toFile());
        console.printf("    cpython: %d measured, %d failed, %d CPU units per task -> %s%n",
                written.path("benchmarks").size(), written.path("failed").size(), written.path("cpuUnits").asInt(),
                out.getFileName());
        written.path("failed").forEach(f -> console.printf("    cpython %s %s FAILED: %s%n",
                f.path("benchmark").asText(), f.path("params"), f.path("reason").asText()));
    }

    /** Stops a running companion and every process it started (Ctrl-C); nothing more starts. */
    public void stopRunning() {
        Process process;
        synchronized (this) {
            stopped = true;
            process = running;
        }
        if (process != null) {
            stop(process);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The CPU units an earlier core count of this run chose (also one measured before a --resume). */
    private void rememberCpuUnits(Path runDir) throws IOException {
        if (cpuUnits != null) {
            return;
        }
        RunFolder folder = new RunFolder(runDir);
        for (int cores : folder.cpythonCoreCounts()) {
            JsonNode units = JSON.readTree(folder.cpythonFile(cores).toFile()).path("cpuUnits");
            if (units.canConvertToInt() && units.asInt() > 0) {
                cpuUnits = units.asInt();
                return;
            }
        }
    }

    /**
     * One JVM CPU task's time: the JVM's SEQUENTIAL CPU batch at this core count over its tasks;
     * where the sweep did not run it, 5 ms (the default 700-unit task, as WorkloadSettings says).
     */
    static double jvmTaskMillis(Path coresFile) {
        if (Files.isRegularFile(coresFile)) {
            for (JmhResult result : JmhResultFile.read(coresFile)) {
                if (result.is("ModelBenchmark", "batch") && Model.SEQUENTIAL.name().equals(result.param("model"))
                        && Workload.CPU.name().equals(result.param("workload"))) {
                    return result.primaryMetric().score() / tasks(result);
                }
            }
        }
        return 5.0;
    }

    /** A ModelBenchmark result's tasks per batch: its {@code tasks} parameter, else the benchmark's default. */
    private static int tasks(JmhResult result) {
        try {
            return Integer.parseInt(result.param("tasks"));
        } catch (NumberFormatException e) {
            return 64;
        }
    }

    private static String lastLine(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "no output";
        }
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
    }
}
