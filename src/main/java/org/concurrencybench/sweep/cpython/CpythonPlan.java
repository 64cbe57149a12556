package org.concurrencybench.sweep.cpython;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.concurrencybench.bench.BenchmarkDefaults;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.CpythonPairing;
import org.concurrencybench.sweep.jmh.ParentDeath;
import org.concurrencybench.sweep.machine.SuiteJar;
import org.concurrencybench.sweep.plan.CpythonCostModel;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.SweepPlan;
import org.concurrencybench.workload.Workload;

/**
 * What the CPython companion runs at each core count: the CPython forms paired with the chosen
 * models, the chosen workloads it has (CPU, SLEEP, IO) and the convoy's cells, as one command line
 * (one trial of each in a round), with the estimate of its time ({@link CpythonCostModel}).
 */
public final class CpythonPlan {

    private static final List<Workload> WORKLOADS = List.of(Workload.CPU, Workload.SLEEP, Workload.IO);

    private final CpythonInterpreter interpreter;
    private final Path script;
    private final Profile profile;
    private final List<String> forms = new ArrayList<>();
    private final List<Model> pairedModels = new ArrayList<>(); // the forms' models, in the forms' order
    private final List<Workload> batches;
    private final boolean convoy;
    private String pythonTask; // --python-task MODULE:FUNCTION, or null
    private String pythonPath; // --python-path, or null

    public CpythonPlan(CpythonInterpreter interpreter, Path script, Profile profile, List<Model> models,
                       List<Workload> chosen, boolean convoy) {
        this.interpreter = interpreter;
        this.script = script;
        this.profile = profile;
        this.convoy = convoy;
        CpythonPairing.forms(interpreter.freeThreaded()).forEach((form, model) -> {
            if (models.contains(model)) {
                forms.add(form);
                pairedModels.add(model);
            }
        });
        this.batches = WORKLOADS.stream().filter(chosen::contains).toList();
    }

    /**
     * Runs the user's function ({@code --python-task}) through every form too, as the workload
     * USER; nothing changes when {@code user} has none.
     */
    public CpythonPlan withUserTask(org.concurrencybench.results.MachineInfo.UserTasks user) {
        if (user != null && user.pythonTask() != null) {
            pythonTask = user.pythonTask();
            pythonPath = user.pythonPath();
        }
        return this;
    }

    /**
     * The companion's runner: beside the jar in an unpacked bundle (which carries {@code python/}),
     * else in the suite's folder (the source tree, the jar in {@code target/}).
     */
    public static Path companionScript() {
        Path jarDir = SuiteJar.benchmarksJar().toAbsolutePath().getParent();
        Path bundled = jarDir == null ? null : jarDir.resolve("python").resolve("run_cpython.py");
        return bundled != null && Files.isRegularFile(bundled) ? bundled
                : SuiteJar.suiteDir().resolve("python").resolve("run_cpython.py");
    }

    CpythonInterpreter interpreter() {
        return interpreter;
    }

    /** The one console line about CPython: the interpreter's, or why it cannot run. */
    public String note() {
        if (interpreter.present() && !Files.isRegularFile(script)) {
            return "CPython: not run, the companion " + script + " is missing (run from the suite's folder)";
        }
        return interpreter.note();
    }

    /** Whether there is anything to run. */
    public boolean active() {
        return interpreter.present() && Files.isRegularFile(script)
                && (convoy || (!forms.isEmpty() && (!batches.isEmpty() || pythonTask != null)));
    }

    /** The benchmarks one core count runs. */
    int benchmarks() {
        return (batches.size() + (pythonTask == null ? 0 : 1)) * forms.size() + convoyTrials();
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
        SweepPlan.ConvoyCells cells = convoyCells();
        return convoy ? cells.cpuThreads().size() * cells.switchIntervals().size() : 0;
    }

    /** The estimated time of one core count in one round (one trial per benchmark); 0 when nothing runs. */
    public long estimatedMillis(int cores) {
        return estimatedMillis(cores, 1);
    }

    /** The estimated time of one core count with {@code trials} per benchmark; 0 when nothing runs. */
    public long estimatedMillis(int cores, int trials) {
        if (!active()) {
            return 0;
        }
        List<Workload> all = new ArrayList<>(batches);
        if (pythonTask != null) {
            all.add(Workload.USER); // unknown: estimated as long as a CPU task
        }
        return CpythonCostModel.millis(pairedModels, all, convoyTrials(), profile, cores, trials);
    }

    /** The estimated time of a run of {@code rounds} rounds at every core count of {@code cores}. */
    public long estimatedMillis(List<Integer> cores, int rounds) {
        return CpythonCostModel.roundsTakingPart(rounds, profile) * cores.stream().mapToLong(this::estimatedMillis).sum();
    }

    /**
     * The command for one core count.
     *
     * @param trials     trials per benchmark (one in a round)
     * @param taskMillis one JVM CPU task's time, which the first core count calibrates Python's to
     * @param cpuUnits   the CPU units an earlier core count chose; null for the runner to calibrate
     * @param pin        whether to run under {@code taskset -c cpus}
     */
    List<String> command(int cores, String cpus, Path out, int trials, double taskMillis, Integer cpuUnits, boolean pin) {
        // The companion dies with the sweep, kill -9 included; its own children do the same (cpybench.die_with_parent).
        List<String> command = new ArrayList<>(ParentDeath.available() ? ParentDeath.PREFIX : List.of());
        if (pin) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.addAll(List.of(interpreter.executable(), script.toString(), "--out", out.toString(),
                "--cores", String.valueOf(cores), "--cpus", cpus, "--profile", profile.name(),
                "--timing", trials + "," + profile.warmupIterations() + "," + profile.warmupMillis() + ","
                        + profile.iterations() + "," + profile.iterationMillis(),
                "--forms", String.join(",", forms), "--workloads", String.join(",", workloadNames()),
                "--task-ms", String.format(Locale.ROOT, "%.3f", taskMillis)));
        if (convoy) {
            SweepPlan.ConvoyCells cells = convoyCells();
            command.addAll(List.of("--cpu-threads", String.join(",", cells.cpuThreads()),
                    "--switch-intervals", String.join(",", cells.switchIntervals())));
        }
        if (cpuUnits != null) {
            command.addAll(List.of("--cpu-units", String.valueOf(cpuUnits)));
        }
        if (profile.batchTasks() > 0) {
            command.addAll(List.of("--tasks", String.valueOf(profile.batchTasks())));
        }
        if (pythonTask != null) {
            command.addAll(List.of("--python-task", pythonTask));
            if (pythonPath != null) {
                command.addAll(List.of("--task-path", pythonPath));
            }
        }
        return command;
    }

    /** The workloads as the companion names them: the batches', then the convoy's. */
    private List<String> workloadNames() {
        List<String> names = new ArrayList<>(batches.stream().map(Workload::name).toList());
        if (convoy) {
            names.add(SweepPlan.CONVOY);
        }
        return names;
    }
}
