package org.concurrencybench.sweep.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.concurrencybench.bench.BenchmarkDefaults;
import org.concurrencybench.bench.CapacityBenchmark;
import org.concurrencybench.bench.ConvoyBenchmark;
import org.concurrencybench.bench.JvmStartBenchmark;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.workload.user.UserTaskLoader;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;

/**
 * What a sweep runs at one core count: one JMH invocation per benchmark class that the chosen
 * workloads need, with the parameters that pick the models and workloads, the cells each runs
 * (derived from the benchmark's own {@code @Param} declarations). Each step is typed values
 * ({@link Step}); JMH's command line is written from them only where JMH is launched.
 */
public final class SweepPlan {

    /** The convoy scenario's name on the command line; not a per-task workload. */
    public static final String CONVOY = "CONVOY";

    /**
     * One JMH invocation: a name for the console and file names, the benchmark class whose
     * benchmarks it runs, the parameter values it passes (in the order given, each name's values in
     * the order they run), and how JMH measures them. {@link RunCostModel} estimates its time from
     * these fields; the result file is the round's, named when it is launched.
     */
    public record Step(String name, Class<?> benchmarkClass, Map<String, List<String>> params, JmhOptions options) {

        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(benchmarkClass, "benchmarkClass");
            Objects.requireNonNull(options, "options");
            Map<String, List<String>> copy = new LinkedHashMap<>();
            params.forEach((param, values) -> copy.put(param, List.copyOf(values)));
            params = java.util.Collections.unmodifiableMap(copy);
        }

        /** The same invocation with other parameter values (a shuffled order, the cells left to run, --param). */
        public Step withParams(Map<String, List<String>> params) {
            return new Step(name, benchmarkClass, params, options);
        }

        /** A parameter's values: those this step passes, else those the class declares. */
        public List<String> values(String param) {
            List<String> given = params.get(param);
            return given != null ? given : BenchmarkCells.declaredValues(benchmarkClass, param);
        }

        /** The cells this invocation runs. */
        public List<Cell> cells() {
            return BenchmarkCells.of(benchmarkClass, params);
        }

        public int benchmarks() {
            return cells().size();
        }

        /** How many values JMH records per cell: forks times measured iterations, as this step asks. */
        public int samplesPerCell() {
            return options.samplesPerBenchmark();
        }
    }

    private SweepPlan() {
    }

    /** The steps for one core count. */
    public static List<Step> stepsFor(Profile profile, List<Model> models, List<Workload> workloads, boolean convoy) {
        List<Step> steps = new ArrayList<>();
        if (!models.isEmpty() && !workloads.isEmpty()) {
            List<Model> together = new ArrayList<>(models);
            // PROCESS_PER_TASK's batches (a JVM start per task: seconds) are their own average: one a fork.
            boolean oneBatch = together.remove(Model.PROCESS_PER_TASK);
            if (!together.isEmpty()) {
                steps.add(new Step("models", ModelBenchmark.class,
                        withBatchTasks(profile, modelsAndWorkloads(together, workloads)), profile.jmhOptions()));
            }
            if (oneBatch) {
                steps.add(new Step("models-process-per-task", ModelBenchmark.class, withBatchTasks(profile,
                        modelsAndWorkloads(List.of(Model.PROCESS_PER_TASK), workloads)), oneBatch(profile)));
            }
        }
        if (convoy) {
            // Under the lock: every CPU-thread count at every switch interval. Free threads ignore the
            // interval, so they run at CPython's default only. A first look keeps the convoy's point
            // (none vs one CPU-bound thread) at the two longer intervals; a quick look and a smoke run
            // at CPython's only.
            ConvoyCells cells = convoyCells(profile);
            Map<String, List<String>> gil = new LinkedHashMap<>();
            gil.put("model", List.of(Model.GLOBAL_LOCK.name()));
            Map<String, List<String>> free = new LinkedHashMap<>();
            free.put("model", List.of(Model.THREAD_PER_TASK.name()));
            free.put("switchIntervalMicros", List.of(String.valueOf(BenchmarkDefaults.CPYTHON_SWITCH_INTERVAL_MICROS)));
            // Only what differs from the declared values is passed, so a cell is named as the class declares it.
            if (!cells.cpuThreads().equals(declaredConvoy("cpuThreads"))) {
                gil.put("cpuThreads", cells.cpuThreads());
                free.put("cpuThreads", cells.cpuThreads());
            }
            if (!cells.switchIntervals().equals(declaredConvoy("switchIntervalMicros"))) {
                gil.put("switchIntervalMicros", cells.switchIntervals());
            }
            steps.add(new Step("convoy-gil", ConvoyBenchmark.class, gil, profile.jmhOptions()));
            steps.add(new Step("convoy-free", ConvoyBenchmark.class, free, profile.jmhOptions()));
        }
        return steps;
    }

    /**
     * The steps of the user's own Java tasks at one core count: every chosen model on
     * {@code workload=USER} with one cell per class ({@code task=CLASS}), the forks told where the
     * classes are and the per-batch timeout ({@code -jvmArgsPrepend}: the launcher's own
     * {@code -jvmArgsAppend} stays as it is). A first look gives PROCESS_PER_TASK one batch, as for
     * the built-in workloads. None without classes.
     */
    public static List<Step> userSteps(Profile profile, List<Model> models, MachineInfo.UserTasks user) {
        List<Step> steps = new ArrayList<>();
        if (user == null || user.classes().isEmpty() || models.isEmpty()) {
            return steps;
        }
        List<String> forkArgs = List.of("-D" + UserTaskLoader.CLASS_PATH_PROPERTY + "=" + user.classPath(),
                "-D" + BenchmarkDefaults.TASK_TIMEOUT_PROPERTY + "=" + user.timeoutSeconds());
        List<Model> together = new ArrayList<>(models);
        boolean oneBatch = firstLook(profile) && together.remove(Model.PROCESS_PER_TASK);
        if (!together.isEmpty()) {
            steps.add(new Step("user-tasks", ModelBenchmark.class, userParams(profile, together, user),
                    profile.jmhOptions().withForkJvmArgs(forkArgs)));
        }
        if (oneBatch) {
            steps.add(new Step("user-tasks-process-per-task", ModelBenchmark.class,
                    userParams(profile, List.of(Model.PROCESS_PER_TASK), user),
                    oneBatch(profile).withForkJvmArgs(forkArgs)));
        }
        return steps;
    }

    private static Map<String, List<String>> userParams(Profile profile, List<Model> models, MachineInfo.UserTasks user) {
        Map<String, List<String>> params = withBatchTasks(profile, modelsAndWorkloads(models, List.of(Workload.USER)));
        params.put("task", user.classes());
        return params;
    }

    /**
     * PROCESS_PER_TASK's batches (a JVM start per task) outlast an iteration: one measured batch
     * per workload and fork, no warm-up (each task is a fresh JVM); its rounds give its interval.
     */
    private static JmhOptions oneBatch(Profile profile) {
        return JmhOptions.of(profile.forks(), 0, profile.warmupMillis(), 1, profile.iterationMillis());
    }

    /**
     * The convoy's cells under the lock: its CPU-bound thread counts and switch intervals (the free
     * threads take the same thread counts at CPython's interval). Every declared value, but a first
     * look keeps the convoy's point (none vs one CPU-bound thread) at the two longer intervals, and
     * a quick look and a smoke run at CPython's interval only. The CPython companion runs the same cells.
     */
    public record ConvoyCells(List<String> cpuThreads, List<String> switchIntervals) {
    }

    public static ConvoyCells convoyCells(Profile profile) {
        List<String> threads = declaredConvoy("cpuThreads");
        List<String> intervals = declaredConvoy("switchIntervalMicros");
        if (firstLook(profile)) {
            threads = threads.subList(0, 2);
            intervals = intervals.subList(0, 2);
        }
        if (profile.oneSwitchInterval()) {
            intervals = List.of(String.valueOf(BenchmarkDefaults.CPYTHON_SWITCH_INTERVAL_MICROS));
        }
        return new ConvoyCells(List.copyOf(threads), List.copyOf(intervals));
    }

    /** ModelBenchmark's tasks per batch where the plan does not set them: its declared {@code @Param}. */
    public static int declaredBatchTasks() {
        return BenchmarkCells.declaredBatchTasks();
    }

    private static List<String> declaredConvoy(String param) {
        return BenchmarkCells.declaredValues(ConvoyBenchmark.class, param);
    }

    /** The steps that run once, at the largest core count, besides capacity: JVM start-up beside PROCESS_PER_TASK. */
    public static List<Step> onceSteps(Profile profile, List<Model> models) {
        if (!models.contains(Model.PROCESS_PER_TASK)) {
            return List.of();
        }
        // What a JVM start costs here, bare and as a worker: the yardstick for PROCESS_PER_TASK.
        // A first look measures the bare start and the worker's (with the CDS archive it uses).
        Map<String, List<String>> params = firstLook(profile)
                ? Map.of("start", List.of(JvmStartBenchmark.Start.BARE_JVM.name(),
                        JvmStartBenchmark.Start.WORKER_WITH_APP_CDS.name()))
                : Map.of();
        return List.of(new Step("jvm-start", JvmStartBenchmark.class, params, profile.jmhOptions()));
    }

    /**
     * Whether a profile is a first look (iterations under half a second, as {@code --quick},
     * {@code --smoke} and a tight budget's): it then runs fewer convoy and JVM-start cells and
     * gives PROCESS_PER_TASK one batch, to stay short.
     */
    public static boolean firstLook(Profile profile) {
        return profile.iterationMillis() < FIRST_LOOK_ITERATION_MILLIS;
    }

    /** Iterations shorter than this make a profile a first look. */
    static final long FIRST_LOOK_ITERATION_MILLIS = 500;

    /**
     * The steps of uneven batches (at the largest core count): every model on {@code skewWorkloads}
     * under each spread of {@code spreads} but NONE (which the per-core-count step always measures),
     * and PROCESS_POOL with {@code Pool.map}'s default chunks ({@code chunksize=0}) under NONE and
     * those spreads, beside its one task per message; nothing for even batches only.
     */
    public static List<Step> skewSteps(Profile profile, List<Model> models, List<SizeSpread> spreads,
                                List<Workload> skewWorkloads) {
        List<Step> steps = new ArrayList<>();
        if (models.isEmpty() || skewWorkloads.isEmpty()) {
            return steps;
        }
        List<SizeSpread> uneven = spreads.stream().filter(s -> s != SizeSpread.NONE).toList();
        if (!uneven.isEmpty()) {
            Map<String, List<String>> params = modelsAndWorkloads(models, skewWorkloads);
            params.put("spread", names(uneven));
            steps.add(new Step("skew", ModelBenchmark.class, withBatchTasks(profile, params), profile.jmhOptions()));
        }
        if (models.contains(Model.PROCESS_POOL) && !uneven.isEmpty()) {
            List<SizeSpread> withEven = new ArrayList<>(List.of(SizeSpread.NONE));
            withEven.addAll(uneven); // the chunks' loss to skew is against their own even batches
            Map<String, List<String>> params = modelsAndWorkloads(List.of(Model.PROCESS_POOL), skewWorkloads);
            params.put("spread", names(withEven));
            params.put("chunksize", List.of(CPYTHON_DEFAULT_CHUNKSIZE));
            steps.add(new Step("chunks", ModelBenchmark.class, withBatchTasks(profile, params), profile.jmhOptions()));
        }
        return steps;
    }

    /** {@code chunksize=0}: the process pool cuts batches as CPython's {@code Pool.map} does by default. */
    static final String CPYTHON_DEFAULT_CHUNKSIZE = "0";

    /** A ModelBenchmark step's parameters: its models and workloads, in that order; the caller adds its own after. */
    private static Map<String, List<String>> modelsAndWorkloads(List<Model> models, List<Workload> workloads) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("model", names(models));
        params.put("workload", names(workloads));
        return params;
    }

    /** {@code params} with the profile's tasks per batch last, where the profile sets them (0: the benchmark's own). */
    private static Map<String, List<String>> withBatchTasks(Profile profile, Map<String, List<String>> params) {
        if (profile.batchTasks() > 0) {
            params.put("tasks", List.of(String.valueOf(profile.batchTasks())));
        }
        return params;
    }

    /**
     * The capacity steps (at the largest core count): one per model and workload with sizes to
     * run. One fork, one warm-up iteration and at most three measured (a big batch is one
     * operation per iteration, seconds long), with the GC profiler for the allocation per task.
     */
    public static List<Step> capacitySteps(Profile profile, List<CapacityPlan.ModelPlan> plans, Duration limit) {
        List<Step> steps = new ArrayList<>();
        for (CapacityPlan.ModelPlan plan : plans) {
            if (plan.run().isEmpty()) {
                continue;
            }
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("model", List.of(plan.model().name()));
            params.put("workload", List.of(plan.workload().name()));
            params.put("tasks", plan.run().stream().map(String::valueOf).toList());
            JmhOptions options = JmhOptions.of(1, Math.min(profile.warmupIterations(), 1), profile.warmupMillis(),
                    Math.min(profile.iterations(), CAPACITY_ITERATIONS), profile.iterationMillis())
                    .withGcProfiler().withTimeout(Duration.ofSeconds(Math.max(60, limit.toSeconds() * 3)));
            steps.add(new Step("capacity-" + plan.workload().name().toLowerCase(Locale.ROOT) + "-"
                    + plan.model().name().toLowerCase(Locale.ROOT), CapacityBenchmark.class, params, options));
        }
        return steps;
    }

    /** Measured iterations of a capacity size, at most. */
    static final int CAPACITY_ITERATIONS = 3;

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
