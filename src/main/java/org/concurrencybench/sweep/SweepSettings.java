package org.concurrencybench.sweep;

import org.concurrencybench.sweep.cpython.CpythonInterpreters;
import org.concurrencybench.sweep.machine.CpuLimits;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.machine.MachineProbe;
import org.concurrencybench.sweep.machine.Pinning;
import org.concurrencybench.sweep.plan.BenchmarkParams;
import org.concurrencybench.sweep.plan.PlannedRun;
import org.concurrencybench.sweep.plan.Profile;
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
import java.util.Map;
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
                     CpuLimits limits, MachineInfo.Budget budget, CpythonInterpreters pythons,
                     Map<String, String> params, long seed, MachineInfo.UserTasks userTasks,
                     List<Integer> coresGivenUp, boolean rehearsal) {

    /**
     * These settings as a rehearsal ({@code --rehearse}): the same plan, unpinned (the CPUs it names
     * need not exist here), each core count still told its -XX:ActiveProcessorCount.
     */
    public SweepSettings asRehearsal() {
        return new SweepSettings(profile, cores, models, workloads, convoy, taskCounts, maxBatch, label, runId, runDir,
                chartsDir, topology, false, "not pinned: a rehearsal of " + topology.source()
                + " on this machine's CPUs, each core count told -XX:ActiveProcessorCount", startedAt, resumed,
                spreads, skewWorkloads, limits, budget, pythons, params, seed, userTasks, coresGivenUp, true);
    }

    /** The spreads a sweep measures unless {@code --spread} says otherwise (a quick look: NONE only). */
    public static final List<SizeSpread> DEFAULT_SPREADS = List.of(SizeSpread.NONE, SizeSpread.PARETO);
    /** The workloads the default uneven spreads run on: the heavy tail's lesson, at a sane run time. */
    public static final List<Workload> DEFAULT_SKEW_WORKLOADS = List.of(Workload.CPU, Workload.SLEEP);

    /**
     * The workloads a sweep runs unless {@code --workloads} says otherwise. MEMORY and CONTENDED are
     * asked for by name, so that the default run (and its committed estimates) keeps its length.
     */
    public static final List<Workload> DEFAULT_WORKLOADS = List.of(Workload.CPU, Workload.SLEEP, Workload.IO,
            Workload.MIXED);

    /** ModelBenchmark's batch size, which {@code --param tasks=N} sets for the whole run. */
    private static final String TASKS_PARAM = "tasks";

    /** Where report folders go without --charts. */
    static final Path DEFAULT_CHARTS = Path.of("charts");

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The settings on a machine with no CPU quota (the allowed set is the topology's CPUs). */
    public static SweepSettings resolve(SweepRequest request, CpuTopology topology) {
        return resolve(request, topology, new CpuLimits(null, topology.logicalCpus(), null, null));
    }

    /** The settings within {@code limits}: no core count over the CPUs it lets the suite use. */
    public static SweepSettings resolve(SweepRequest request, CpuTopology topology, CpuLimits limits) {
        checkExclusive(request);
        Profile profile = rounds(request, request.smoke() ? Profile.SMOKE : request.quick() ? Profile.QUICK
                : request.full() ? Profile.FULL : Profile.DEFAULT);
        int usable = Math.min(topology.logicalCpus(), limits.usableCores());
        List<Integer> cores = request.cores() == null ? topology.defaultCounts(usable) : checkCores(request.cores(), usable);
        FlagLists.atLeastOne(request.models(), "--models", "model", Model.SEQUENTIAL.name());
        FlagLists.atLeastOne(request.workloads(), "--workloads", "workload", Workload.CPU.name());
        FlagLists.atLeastOne(request.spreads(), "--spread", "spread", SizeSpread.NONE.name());
        List<Model> models = FlagLists.parse(request.models() == null ? FlagLists.names(Model.values())
                : request.models(), "--models", Model::parse, "");
        boolean convoy = request.workloads() == null
                || request.workloads().stream().anyMatch(name -> name.trim().equalsIgnoreCase(SweepPlan.CONVOY));
        List<Workload> named = FlagLists.parse(request.workloads() == null
                ? FlagLists.names(DEFAULT_WORKLOADS.toArray(Workload[]::new))
                : request.workloads().stream().filter(name -> !name.trim().equalsIgnoreCase(SweepPlan.CONVOY)).toList(),
                "--workloads", Workload::parse, " and " + SweepPlan.CONVOY);
        // USER names the user's own tasks, which run whenever they are given; the rest are built in.
        List<Workload> workloads = named.stream().filter(w -> w != Workload.USER).toList();
        List<Integer> sizes = taskCounts(request);
        if (request.maxBatchSeconds() < 1) {
            throw new IllegalArgumentException("--max-batch-seconds " + request.maxBatchSeconds() + ": expected at least 1");
        }
        List<SizeSpread> byDefault = profile.unevenByDefault() ? DEFAULT_SPREADS : List.of(SizeSpread.NONE);
        List<SizeSpread> spreads = FlagLists.parse(request.spreads() == null
                ? FlagLists.names(byDefault.toArray(SizeSpread[]::new)) : request.spreads(), "--spread", SizeSpread::parse, "");
        List<Workload> skewWorkloads = request.spreads() != null ? workloads
                : workloads.stream().filter(DEFAULT_SKEW_WORKLOADS::contains).toList();
        String label = label(request);
        Instant now = Instant.now();
        String runId = RUN_ID_TIME.format(now) + "-" + label;
        Pinning pinning = Pinning.ofThisMachine();
        Duration maxBatch = Duration.ofSeconds(request.maxBatchSeconds());
        Map<String, String> params = BenchmarkParams.parse(request.params() == null ? List.of() : request.params());
        if (params.containsKey(TASKS_PARAM)) {
            // A batch size of one's own replaces the profile's, for the JVM's batches and CPython's alike.
            profile = profile.withBatchTasks(batchSize(params.get(TASKS_PARAM)));
        }
        CpythonInterpreters python = CpythonInterpreters.find(request.python(), request.noPython());
        MachineInfo.UserTasks userTasks = UserTaskFlags.resolve(request, python);
        if (named.contains(Workload.USER) && userTasks == null) {
            throw new IllegalArgumentException("--workloads USER: it names your own tasks; give them with --task-jar PATH"
                    + " --task CLASS or --python-task MODULE:FUNCTION");
        }
        SweepBudget.Measured measured = new SweepBudget.Measured(models, workloads, convoy, maxBatch, spreads,
                skewWorkloads, python);
        SweepBudget fitted = request.budget() != null
                ? SweepBudget.fit(request.budget(), profile, cores, sizes, measured, topology.boundaryCounts(usable))
                : request.cores() == null
                ? SweepBudget.defaultCounts(profile, cores, sizes, measured, topology.boundaryCounts(usable))
                : SweepBudget.none(profile, cores, sizes);
        return new SweepSettings(fitted.profile(), fitted.cores(), models, workloads, convoy, fitted.taskCounts(),
                maxBatch, label, runId, request.resultsDir().resolve(runId),
                request.chartsDir() == null ? DEFAULT_CHARTS : request.chartsDir(), topology,
                pinning.available(), pinning.description(), now, null, spreads, skewWorkloads, limits, fitted.budget(),
                python, params, org.concurrencybench.sweep.plan.RoundOrder.newSeed(), userTasks, fitted.coresGivenUp(), false);
    }

    /** The profile's rounds, as {@code --precision}, {@code --min-rounds} and {@code --max-rounds} change them. */
    private static Profile rounds(SweepRequest request, Profile profile) {
        int min = request.minRounds() == null ? profile.minRounds() : request.minRounds();
        int max = request.maxRounds() != null ? request.maxRounds() : Math.max(min, profile.maxRounds());
        double precision = request.precision() == null ? profile.precision() : request.precision();
        profile.withRounds(min, max, precision).stoppingRule(0); // refuses nonsense, naming the flag
        return profile.withRounds(min, max, precision);
    }

    private static void checkExclusive(SweepRequest request) {
        if ((request.smoke() ? 1 : 0) + (request.quick() ? 1 : 0) + (request.full() ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--smoke, --quick and --full exclude each other; give one");
        }
        if (request.python() != null && request.noPython()) {
            throw new IllegalArgumentException("--python and --no-python exclude each other; give one");
        }
    }

    /** {@code --tasks}: each size once, smallest first. */
    private static List<Integer> taskCounts(SweepRequest request) {
        List<Integer> taskCounts = new ArrayList<>();
        for (int n : request.tasks() == null ? List.<Integer>of() : request.tasks()) {
            if (n < 1) {
                throw new IllegalArgumentException("--tasks " + n + ": expected a batch size of at least 1");
            }
            if (!taskCounts.contains(n)) {
                taskCounts.add(n);
            }
        }
        return taskCounts.stream().sorted().toList();
    }

    private static String label(SweepRequest request) {
        String label = request.label() == null ? MachineProbe.host() : request.label();
        if (!label.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--label '" + label
                    + "': use 1 to 64 letters, digits, '.', '_' or '-' (it becomes part of a folder name)");
        }
        return label;
    }

    /**
     * The settings of an interrupted run, from its machine file: the same profile, models,
     * workloads and sizes, and only the core counts that have no results file yet.
     */
    static SweepSettings resume(SweepRequest request, CpuTopology topology) {
        if (request.choosesWhatToMeasure() || request.taskJar() != null || request.taskClasses() != null
                || request.pythonTask() != null) {
            throw new IllegalArgumentException("--resume takes its settings from RUN_DIR/" + RunFolder.MACHINE + ";"
                    + " give it without --smoke, --quick, --full, --budget, --cores, --models, --workloads, --tasks, --spread, --param, --task-jar, --task, --python-task or --label");
        }
        RunFolder folder = new RunFolder(request.resume());
        Path file = folder.machineFile();
        if (!Files.isRegularFile(file)) {
            throw new SweepException("--resume " + request.resume() + ": no " + RunFolder.MACHINE
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
            throw new SweepException("--resume: cannot list " + request.resume() + " (" + e.getMessage() + ")");
        }
        List<Integer> left = new ArrayList<>();
        // A run in rounds goes on at its next round, at every core count, unless it has stopped.
        boolean inRounds = machine.rounds() != null;
        for (int cores : plan.coreCounts()) {
            if (inRounds ? machine.rounds().stoppedBy() == null : !finished.contains(cores)) {
                if (cores > topology.logicalCpus()) {
                    throw new SweepException("--resume " + request.resume() + ": the run planned " + cores + " cores,"
                            + " and this machine lets the suite use " + topology.logicalCpus() + "; finish it where it"
                            + " started (or on as many CPUs)");
                }
                left.add(cores);
            }
        }
        // Every setting as the run was started: its charts folder, its CPython (or none), its capacity limit.
        MachineInfo.Resume recorded = machine.resume() == null ? new MachineInfo.Resume(null, null, null) : machine.resume();
        Path charts = request.chartsDir() != null ? request.chartsDir()
                : recorded.chartsDir() != null ? Path.of(recorded.chartsDir()) : DEFAULT_CHARTS;
        int maxBatchSeconds = recorded.maxBatchSeconds() != null ? recorded.maxBatchSeconds() : request.maxBatchSeconds();
        return new SweepSettings(plan.profile(), left, plan.models(), plan.workloads(), plan.convoy(),
                plan.taskCounts(), Duration.ofSeconds(maxBatchSeconds), machine.label(), machine.runId(),
                request.resume(), charts, topology, Boolean.TRUE.equals(machine.pinning().pinned()), machine.pinning().description(),
                machine.startedAt() == null ? Instant.now() : Instant.parse(machine.startedAt()), machine,
                plan.spreads(), plan.skewWorkloads(), new CpuLimits(null, topology.logicalCpus(), null, null),
                machine.plan().budget(), CpythonInterpreters.resumed(recorded.python(), request.python(), request.noPython()),
                plan.params(), inRounds ? machine.rounds().seed() : 0, machine.userTasks(), List.of(), machine.rehearsalRun());
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
        throw new IllegalArgumentException("--param " + TASKS_PARAM + "=" + value + ": expected a batch size from 1 to "
                + Integer.MAX_VALUE);
    }

    /** 1, 2, 4, ... up to {@code cpus}, and {@code cpus}: the default on a machine of uniform cores (no boundaries). */
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

    /** Whether the run folder exists already (for a new run it never should: the run id has the time in it). */
    boolean runDirExists() {
        return Files.exists(runDir);
    }

    /** Whether this finishes an interrupted run. */
    boolean resuming() {
        return resumed != null;
    }
}
