package org.concurrencybench.sweep;

import org.concurrencybench.sweep.cpython.CpythonStep;
import org.concurrencybench.sweep.machine.CpuLimits;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.machine.MachineProbe;
import org.concurrencybench.sweep.plan.BenchmarkParams;
import org.concurrencybench.sweep.plan.BudgetPlanner;
import org.concurrencybench.sweep.plan.CapacityPlan;
import org.concurrencybench.sweep.plan.PlannedRun;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.RunCostModel;
import org.concurrencybench.sweep.plan.SweepException;
import org.concurrencybench.sweep.plan.SweepPlan;

import java.nio.file.Files;
import org.concurrencybench.results.MachineInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;

/**
 * A sweep's settings, checked and resolved from the command line: the profile, the core counts
 * (each one the machine can pin), the models and workloads by their enum names, the task-size
 * spreads and the workloads the uneven ones run on, where the run goes
 * whether CPU affinity is available, and the benchmark parameters given with {@code --param}.
 * Every bad value becomes one line that names the flag and
 * what was expected.
 */
public record SweepSettings(Profile profile, List<Integer> cores, List<Model> models, List<Workload> workloads,
                     boolean convoy, List<Integer> taskCounts, Duration maxBatch, String label, String runId,
                     Path runDir, Path chartsDir, CpuTopology topology, boolean pinned, String pinning,
                     Instant startedAt, MachineInfo resumed, List<SizeSpread> spreads, List<Workload> skewWorkloads,
                     CpuLimits limits, MachineInfo.Budget budget, CpythonStep.Interpreter python,
                     java.util.Map<String, String> params) {

    /** The spreads a sweep measures unless {@code --spread} says otherwise (a quick look: NONE only). */
    public static final List<SizeSpread> DEFAULT_SPREADS = List.of(SizeSpread.NONE, SizeSpread.PARETO);
    /** The workloads the default uneven spreads run on: the heavy tail's lesson, at a sane run time. */
    public static final List<Workload> DEFAULT_SKEW_WORKLOADS = List.of(Workload.CPU, Workload.SLEEP);

    /** ModelBenchmark's batch size, which {@code --param tasks=N} sets for the whole run. */
    private static final String TASKS_PARAM = "tasks";

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The settings on a machine with no CPU quota (the allowed set is the topology's CPUs). */
    public static SweepSettings resolve(SweepCommand command, CpuTopology topology) {
        return resolve(command, topology, new CpuLimits(null, topology.logicalCpus(), null, null));
    }

    /** The settings within {@code limits}: no core count over the CPUs it lets the suite use. */
    public static SweepSettings resolve(SweepCommand command, CpuTopology topology, CpuLimits limits) {
        int usable = Math.min(topology.logicalCpus(), limits.usableCores());
        if ((command.smoke ? 1 : 0) + (command.quick ? 1 : 0) + (command.full ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--smoke, --quick and --full exclude each other; give one");
        }
        if (command.python != null && command.noPython) {
            throw new IllegalArgumentException("--python and --no-python exclude each other; give one");
        }
        Profile profile = command.smoke ? Profile.SMOKE : command.quick ? Profile.QUICK
                : command.full ? Profile.FULL : Profile.DEFAULT;
        List<Integer> cores = command.cores == null ? defaultCores(usable) : checkCores(command.cores, usable);
        List<Model> models = new ArrayList<>();
        for (String name : command.models == null ? names(Model.values()) : command.models) {
            Model model = parseOrFail(name, "--models", Model::parse);
            if (!models.contains(model)) {
                models.add(model);
            }
        }
        List<Workload> workloads = new ArrayList<>();
        boolean convoy = false;
        List<String> workloadNames = new ArrayList<>(names(Workload.values()));
        workloadNames.add(SweepPlan.CONVOY);
        for (String name : command.workloads == null ? workloadNames : command.workloads) {
            if (name.trim().equalsIgnoreCase(SweepPlan.CONVOY)) {
                convoy = true;
                continue;
            }
            Workload workload = parseOrFail(name, "--workloads", Workload::parse);
            if (!workloads.contains(workload)) {
                workloads.add(workload);
            }
        }
        List<Integer> taskCounts = new ArrayList<>();
        for (int n : command.tasks == null ? List.<Integer>of() : command.tasks) {
            if (n < 1) {
                throw new IllegalArgumentException("--tasks " + n + ": expected a batch size of at least 1");
            }
            if (!taskCounts.contains(n)) {
                taskCounts.add(n);
            }
        }
        if (command.maxBatchSeconds < 1) {
            throw new IllegalArgumentException("--max-batch-seconds " + command.maxBatchSeconds + ": expected at least 1");
        }
        List<SizeSpread> spreads = new ArrayList<>();
        List<SizeSpread> byDefault = profile.unevenByDefault() ? DEFAULT_SPREADS : List.of(SizeSpread.NONE);
        for (String name : command.spreads == null ? names(byDefault.toArray(SizeSpread[]::new)) : command.spreads) {
            SizeSpread spread = parseOrFail(name, "--spread", SizeSpread::parse);
            if (!spreads.contains(spread)) {
                spreads.add(spread);
            }
        }
        List<Workload> skewWorkloads = command.spreads != null ? List.copyOf(workloads)
                : workloads.stream().filter(DEFAULT_SKEW_WORKLOADS::contains).toList();
        String label = command.label == null ? MachineProbe.host() : command.label;
        if (!label.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--label '" + label
                    + "': use 1 to 64 letters, digits, '.', '_' or '-' (it becomes part of a folder name)");
        }
        Instant now = Instant.now();
        String runId = RUN_ID_TIME.format(now) + "-" + label;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean linux = os.contains("linux");
        boolean taskset = linux && MachineProbe.command(List.of("taskset", "-c", "0", "true"), null) != null;
        String pinning = taskset ? "taskset" : linux ? "unavailable: taskset not found (install util-linux)"
                : "unavailable: " + System.getProperty("os.name") + " has no CPU affinity; only -XX:ActiveProcessorCount";
        List<Integer> sizes = taskCounts.stream().sorted().toList();
        Duration maxBatch = Duration.ofSeconds(command.maxBatchSeconds);
        java.util.Map<String, String> params = BenchmarkParams.parse(command.params == null ? List.of() : command.params);
        if (params.containsKey(TASKS_PARAM)) {
            // A batch size of one's own replaces the profile's, for the JVM's batches and CPython's alike.
            profile = profile.withBatchTasks(batchSize(params.get(TASKS_PARAM)));
        }
        CpythonStep.Interpreter python = CpythonStep.find(command.python, command.noPython);
        MachineInfo.Budget budget = null;
        if (command.budget != null) {
            Duration limit = BudgetPlanner.parse(command.budget);
            List<Model> chosenModels = List.copyOf(models);
            List<Workload> chosenWorkloads = List.copyOf(workloads);
            boolean withConvoy = convoy;
            int connections = sizes.isEmpty() ? 0 : CapacityPlan.connectionLimit();
            // CPython runs beside the JVM at each core count, with the plan's own forks and iterations.
            BudgetPlanner.Plan plan = BudgetPlanner.plan(limit, new BudgetPlanner.Candidate(profile, cores, sizes),
                    c -> RunCostModel.sweepMillis(c.profile(), c.cores(), chosenModels, chosenWorkloads, withConvoy,
                            c.taskCounts(), maxBatch, connections, spreads, skewWorkloads)
                            + new CpythonStep(python, CpythonStep.companionScript(), c.profile(), chosenModels,
                                    chosenWorkloads, withConvoy, false, System.out).estimatedMillis(c.cores()));
            profile = plan.profile();
            cores = plan.cores();
            sizes = plan.taskCounts();
            budget = new MachineInfo.Budget(command.budget, limit.toMillis(), plan.estimatedMillis(), profile.forks(),
                    profile.warmupIterations(), profile.warmupMillis(), profile.iterations(), profile.iterationMillis(),
                    cores, plan.gaveUp());
        }
        return new SweepSettings(profile, cores, List.copyOf(models), List.copyOf(workloads), convoy,
                sizes, maxBatch, label, runId,
                command.resultsDir.resolve(runId), command.chartsDir, topology, taskset, pinning, now, null,
                List.copyOf(spreads), skewWorkloads, limits, budget, python, params);
    }

    /**
     * The settings of an interrupted run, from its machine file: the same profile, models,
     * workloads and sizes, and only the core counts that have no results file yet.
     */
    static SweepSettings resume(SweepCommand command, CpuTopology topology) {
        if (command.smoke || command.quick || command.full || command.budget != null || command.cores != null || command.models != null
                || command.workloads != null || command.tasks != null || command.label != null || command.spreads != null
                || command.params != null) {
            throw new IllegalArgumentException("--resume takes its settings from RUN_DIR/" + RunFolder.MACHINE + ";"
                    + " give it without --smoke, --quick, --full, --budget, --cores, --models, --workloads, --tasks, --spread, --param or --label");
        }
        RunFolder folder = new RunFolder(command.resume);
        Path file = folder.machineFile();
        if (!Files.isRegularFile(file)) {
            throw new SweepException("--resume " + command.resume + ": no " + RunFolder.MACHINE
                    + " there; is it a run folder (results/<run-id>)?");
        }
        MachineInfo machine;
        try {
            machine = MachineInfo.read(file);
        } catch (org.concurrencybench.results.RunFolderException e) {
            throw new SweepException("--resume: cannot read " + e.getMessage());
        }
        PlannedRun plan = PlannedRun.of(machine, file);
        java.util.SortedSet<Integer> finished;
        try {
            finished = folder.finishedCoreCounts();
        } catch (java.io.IOException e) {
            throw new SweepException("--resume: cannot list " + command.resume + " (" + e.getMessage() + ")");
        }
        List<Integer> left = new ArrayList<>();
        for (int cores : plan.coreCounts()) {
            if (!finished.contains(cores)) {
                left.add(checkCores(List.of(cores), topology.logicalCpus()).get(0));
            }
        }
        return new SweepSettings(plan.profile(), left, plan.models(), plan.workloads(), plan.convoy(),
                plan.taskCounts(), Duration.ofSeconds(command.maxBatchSeconds), machine.label(), machine.runId(),
                command.resume, command.chartsDir, topology, Boolean.TRUE.equals(machine.pinned()), machine.pinning(),
                machine.startedAt() == null ? Instant.now() : Instant.parse(machine.startedAt()), machine,
                plan.spreads(), plan.skewWorkloads(), new CpuLimits(null, topology.logicalCpus(), null, null),
                machine.budget(), CpythonStep.find(command.python, command.noPython), plan.params());
    }

    private static int batchSize(String value) {
        try {
            int tasks = Integer.parseInt(value);
            if (tasks >= 1) {
                return tasks;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--param " + TASKS_PARAM + "=" + value + ": expected a batch size of at least 1");
    }

    /** 1, 2, 4, ... up to the machine's CPUs, and the machine's CPUs. */
    public static List<Integer> defaultCores(int cpus) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (int n = 1; n <= cpus; n *= 2) {
            counts.add(n);
        }
        counts.add(cpus);
        return List.copyOf(counts);
    }

    private static List<Integer> checkCores(List<Integer> requested, int cpus) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (int n : requested) {
            if (n < 1 || n > cpus) {
                throw new IllegalArgumentException("--cores " + n + ": expected 1 to " + cpus
                        + " (the CPUs this machine lets the suite use)");
            }
            counts.add(n);
        }
        return List.copyOf(counts);
    }

    private static <E> E parseOrFail(String name, String flag, java.util.function.Function<String, E> parse) {
        try {
            return parse.apply(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage()
                    + (flag.equals("--workloads") ? " and CONVOY" : ""));
        }
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    /** Whether the run folder exists already (for a new run it never should: the run id has the time in it). */
    boolean runDirExists() {
        return Files.exists(runDir);
    }

    /** Whether this finishes an interrupted run. */
    boolean resuming() {
        return resumed != null;
    }
}
