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
 * A sweep's settings, checked and resolved from the command line, in three parts: what it
 * measures ({@link Plan}), the run's identity and folders ({@link Run}) and the machine it runs on
 * ({@link Host}). Every bad value becomes one line that names the flag and what was expected.
 */
public record SweepSettings(Plan plan, Run run, Host host) {

    /**
     * What the sweep measures: the profile, the core counts (each one the machine can pin), the
     * models and workloads by their enum names, the convoy, the capacity sizes and their time limit,
     * the task-size spreads and the workloads the uneven ones run on, the benchmark parameters given
     * with {@code --param}, the user's own tasks, a {@code --budget}'s plan and the core counts it
     * gave up, and the seed of the rounds' shuffled order.
     */
    public record Plan(Profile profile, List<Integer> cores, List<Model> models, List<Workload> workloads,
                       boolean convoy, List<Integer> taskCounts, Duration maxBatch, List<SizeSpread> spreads,
                       List<Workload> skewWorkloads, Map<String, String> params, MachineInfo.UserTasks userTasks,
                       MachineInfo.Budget budget, List<Integer> coresGivenUp, long seed) {
    }

    /**
     * The run itself: its label and id, its folder and the report's, when it started, the record of
     * the run it finishes ({@code --resume}; null for a new run), and whether it is a rehearsal.
     */
    public record Run(String label, String runId, Path runDir, Path chartsDir, Instant startedAt, MachineInfo resumed,
                      boolean rehearsal) {
    }

    /**
     * The machine it runs on: its CPU topology, whether CPU affinity pins the core counts and how,
     * the CPUs it may use, and the CPython beside the JVM.
     */
    public record Host(CpuTopology topology, boolean pinned, String pinning, CpuLimits limits,
                       CpythonInterpreters pythons) {
    }

    /**
     * These settings as a rehearsal ({@code --rehearse}): the same plan, unpinned (the CPUs it names
     * need not exist here), each core count still told its -XX:ActiveProcessorCount.
     */
    public SweepSettings asRehearsal() {
        return new SweepSettings(plan, new Run(run.label, run.runId, run.runDir, run.chartsDir, run.startedAt,
                run.resumed, true), new Host(host.topology, false, "not pinned: a rehearsal of "
                + host.topology.source() + " on this machine's CPUs, each core count told -XX:ActiveProcessorCount",
                host.limits, host.pythons));
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
        SweepRequest.Measure measure = request.measure();
        checkExclusive(request);
        Profile profile = rounds(request, measure.smoke() ? Profile.SMOKE : measure.quick() ? Profile.QUICK
                : measure.full() ? Profile.FULL : Profile.DEFAULT);
        int usable = Math.min(topology.logicalCpus(), limits.usableCores());
        List<Integer> cores = measure.cores() == null ? topology.defaultCounts(usable) : checkCores(measure.cores(), usable);
        FlagLists.atLeastOne(measure.models(), "--models", "model", Model.SEQUENTIAL.name());
        FlagLists.atLeastOne(measure.workloads(), "--workloads", "workload", Workload.CPU.name());
        FlagLists.atLeastOne(measure.spreads(), "--spread", "spread", SizeSpread.NONE.name());
        List<Model> models = FlagLists.parse(measure.models() == null ? FlagLists.names(Model.values())
                : measure.models(), "--models", Model::parse, "");
        boolean convoy = measure.workloads() == null
                || measure.workloads().stream().anyMatch(name -> name.trim().equalsIgnoreCase(SweepPlan.CONVOY));
        List<Workload> named = FlagLists.parse(measure.workloads() == null
                ? FlagLists.names(DEFAULT_WORKLOADS.toArray(Workload[]::new))
                : measure.workloads().stream().filter(name -> !name.trim().equalsIgnoreCase(SweepPlan.CONVOY)).toList(),
                "--workloads", Workload::parse, " and " + SweepPlan.CONVOY);
        // USER names the user's own tasks, which run whenever they are given; the rest are built in.
        List<Workload> workloads = named.stream().filter(w -> w != Workload.USER).toList();
        List<Integer> sizes = taskCounts(request);
        if (measure.maxBatchSeconds() < 1) {
            throw new IllegalArgumentException("--max-batch-seconds " + measure.maxBatchSeconds() + ": expected at least 1");
        }
        List<SizeSpread> byDefault = profile.unevenByDefault() ? DEFAULT_SPREADS : List.of(SizeSpread.NONE);
        List<SizeSpread> spreads = FlagLists.parse(measure.spreads() == null
                ? FlagLists.names(byDefault.toArray(SizeSpread[]::new)) : measure.spreads(), "--spread", SizeSpread::parse, "");
        List<Workload> skewWorkloads = measure.spreads() != null ? workloads
                : workloads.stream().filter(DEFAULT_SKEW_WORKLOADS::contains).toList();
        String label = label(request);
        Instant now = Instant.now();
        String runId = RUN_ID_TIME.format(now) + "-" + label;
        Pinning pinning = Pinning.ofThisMachine();
        Duration maxBatch = Duration.ofSeconds(measure.maxBatchSeconds());
        Map<String, String> params = BenchmarkParams.parse(measure.params() == null ? List.of() : measure.params());
        if (params.containsKey(TASKS_PARAM)) {
            // A batch size of one's own replaces the profile's, for the JVM's batches and CPython's alike.
            profile = profile.withBatchTasks(batchSize(params.get(TASKS_PARAM)));
        }
        CpythonInterpreters python = CpythonInterpreters.find(request.pythons().python(), request.pythons().noPython());
        MachineInfo.UserTasks userTasks = UserTaskFlags.resolve(request, python);
        if (named.contains(Workload.USER) && userTasks == null) {
            throw new IllegalArgumentException("--workloads USER: it names your own tasks; give them with --task-jar PATH"
                    + " --task CLASS or --python-task MODULE:FUNCTION");
        }
        SweepBudget.Measured measured = new SweepBudget.Measured(models, workloads, convoy, maxBatch, spreads,
                skewWorkloads, python);
        SweepBudget fitted = measure.budget() != null
                ? SweepBudget.fit(measure.budget(), profile, cores, sizes, measured, topology.boundaryCounts(usable))
                : measure.cores() == null
                ? SweepBudget.defaultCounts(profile, cores, sizes, measured, topology.boundaryCounts(usable))
                : SweepBudget.none(profile, cores, sizes);
        return new SweepSettings(new Plan(fitted.profile(), fitted.cores(), models, workloads, convoy,
                fitted.taskCounts(), maxBatch, spreads, skewWorkloads, params, userTasks, fitted.budget(),
                fitted.coresGivenUp(), org.concurrencybench.sweep.plan.RoundOrder.newSeed()),
                new Run(label, runId, request.folders().resultsDir().resolve(runId),
                        request.folders().chartsDir() == null ? DEFAULT_CHARTS : request.folders().chartsDir(), now,
                        null, false),
                new Host(topology, pinning.available(), pinning.description(), limits, python));
    }

    /** The profile's rounds, as {@code --precision}, {@code --min-rounds} and {@code --max-rounds} change them. */
    private static Profile rounds(SweepRequest request, Profile profile) {
        int min = request.rounds().minRounds() == null ? profile.minRounds() : request.rounds().minRounds();
        int max = request.rounds().maxRounds() != null ? request.rounds().maxRounds() : Math.max(min, profile.maxRounds());
        double precision = request.rounds().precision() == null ? profile.precision() : request.rounds().precision();
        profile.withRounds(min, max, precision).stoppingRule(0); // refuses nonsense, naming the flag
        return profile.withRounds(min, max, precision);
    }

    private static void checkExclusive(SweepRequest request) {
        if ((request.measure().smoke() ? 1 : 0) + (request.measure().quick() ? 1 : 0) + (request.measure().full() ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--smoke, --quick and --full exclude each other; give one");
        }
        if (request.pythons().python() != null && request.pythons().noPython()) {
            throw new IllegalArgumentException("--python and --no-python exclude each other; give one");
        }
    }

    /** {@code --tasks}: each size once, smallest first. */
    private static List<Integer> taskCounts(SweepRequest request) {
        List<Integer> taskCounts = new ArrayList<>();
        for (int n : request.measure().tasks() == null ? List.<Integer>of() : request.measure().tasks()) {
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
        String label = request.measure().label() == null ? MachineProbe.host() : request.measure().label();
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
        if (request.choosesWhatToMeasure() || request.userTasks().taskJar() != null || request.userTasks().taskClasses() != null
                || request.userTasks().pythonTask() != null) {
            throw new IllegalArgumentException("--resume takes its settings from RUN_DIR/" + RunFolder.MACHINE + ";"
                    + " give it without --smoke, --quick, --full, --budget, --cores, --models, --workloads, --tasks, --spread, --param, --task-jar, --task, --python-task or --label");
        }
        RunFolder folder = new RunFolder(request.folders().resume());
        Path file = folder.machineFile();
        if (!Files.isRegularFile(file)) {
            throw new SweepException("--resume " + request.folders().resume() + ": no " + RunFolder.MACHINE
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
            throw new SweepException("--resume: cannot list " + request.folders().resume() + " (" + e.getMessage() + ")");
        }
        List<Integer> left = new ArrayList<>();
        // A run in rounds goes on at its next round, at every core count, unless it has stopped.
        boolean inRounds = machine.rounds() != null;
        for (int cores : plan.coreCounts()) {
            if (inRounds ? machine.rounds().stoppedBy() == null : !finished.contains(cores)) {
                if (cores > topology.logicalCpus()) {
                    throw new SweepException("--resume " + request.folders().resume() + ": the run planned " + cores + " cores,"
                            + " and this machine lets the suite use " + topology.logicalCpus() + "; finish it where it"
                            + " started (or on as many CPUs)");
                }
                left.add(cores);
            }
        }
        // Every setting as the run was started: its charts folder, its CPython (or none), its capacity limit.
        MachineInfo.Resume recorded = machine.resume() == null ? new MachineInfo.Resume(null, null, null) : machine.resume();
        Path charts = request.folders().chartsDir() != null ? request.folders().chartsDir()
                : recorded.chartsDir() != null ? Path.of(recorded.chartsDir()) : DEFAULT_CHARTS;
        int maxBatchSeconds = recorded.maxBatchSeconds() != null ? recorded.maxBatchSeconds() : request.measure().maxBatchSeconds();
        return new SweepSettings(new Plan(plan.profile(), left, plan.models(), plan.workloads(), plan.convoy(),
                plan.taskCounts(), Duration.ofSeconds(maxBatchSeconds), plan.spreads(), plan.skewWorkloads(),
                plan.params(), machine.userTasks(), machine.plan().budget(), List.of(),
                inRounds ? machine.rounds().seed() : 0),
                new Run(machine.label(), machine.runId(), request.folders().resume(), charts,
                        machine.startedAt() == null ? Instant.now() : Instant.parse(machine.startedAt()), machine,
                        machine.rehearsalRun()),
                new Host(topology, Boolean.TRUE.equals(machine.pinning().pinned()), machine.pinning().description(),
                        new CpuLimits(null, topology.logicalCpus(), null, null), CpythonInterpreters.resumed(
                        recorded.python(), request.pythons().python(), request.pythons().noPython())));
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
        return Files.exists(run.runDir);
    }

    /** Whether this finishes an interrupted run. */
    boolean resuming() {
        return run.resumed != null;
    }
}
