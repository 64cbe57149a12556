package org.concurrencybench.sweep.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * (derived from the benchmark's own {@code @Param} declarations). {@link RunCostModel} estimates
 * each step's time from its JMH arguments.
 */
public final class SweepPlan {

    /** The convoy scenario's name on the command line; not a per-task workload. */
    public static final String CONVOY = "CONVOY";

    /**
     * One JMH invocation: a name for the console and file names, the benchmark class, the
     * parameter values passed with {@code -p}, JMH's other options, and for a capacity step its
     * plan. {@link RunCostModel} estimates its time from its JMH arguments.
     */
    public record Step(String name, Class<?> benchmarkClass, Map<String, List<String>> params, List<String> options,
                CapacityPlan.ModelPlan capacity) {

        public Step {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            options = List.copyOf(options);
        }

        /** JMH's arguments: the class's benchmarks, the parameters, the options. */
        public List<String> jmhArgs() {
            List<String> args = new ArrayList<>(List.of("^" + Pattern.quote(benchmarkClass.getName()) + "\\."));
            params.forEach((name, values) -> args.addAll(List.of("-p", name + "=" + String.join(",", values))));
            args.addAll(options);
            return args;
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
            return JmhOptions.parse(jmhArgs(), JmhOptions.SUITE_DEFAULTS).samplesPerBenchmark();
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
                steps.add(step("models", ModelBenchmark.class, modelParams(profile, together, workloads, null, null),
                        profile.jmhOptions()));
            }
            if (oneBatch) {
                // Its batches (a JVM start per task) outlast an iteration: one measured batch per workload
                // and fork, no warm-up (each task is a fresh JVM); its rounds give its interval.
                Profile oneBatchProfile = profile.withTiming(profile.forks(), 0, profile.warmupMillis(), 1,
                        profile.iterationMillis());
                steps.add(step("models-process-per-task", ModelBenchmark.class, modelParams(profile,
                        List.of(Model.PROCESS_PER_TASK), workloads, null, null), oneBatchProfile.jmhOptions()));
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
            steps.add(step("convoy-gil", ConvoyBenchmark.class, gil, profile.jmhOptions()));
            steps.add(step("convoy-free", ConvoyBenchmark.class, free, profile.jmhOptions()));
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
        String forkArgs = "-D" + UserTaskLoader.CLASS_PATH_PROPERTY + "=" + user.classPath() + " -D"
                + BenchmarkDefaults.TASK_TIMEOUT_PROPERTY + "=" + user.timeoutSeconds();
        List<Model> together = new ArrayList<>(models);
        boolean oneBatch = firstLook(profile) && together.remove(Model.PROCESS_PER_TASK);
        if (!together.isEmpty()) {
            steps.add(step("user-tasks", ModelBenchmark.class, userParams(profile, together, user),
                    withForkArgs(profile.jmhOptions(), forkArgs)));
        }
        if (oneBatch) {
            Profile oneBatchProfile = profile.withTiming(profile.forks(), 0, profile.warmupMillis(), 1,
                    profile.iterationMillis());
            steps.add(step("user-tasks-process-per-task", ModelBenchmark.class,
                    userParams(profile, List.of(Model.PROCESS_PER_TASK), user),
                    withForkArgs(oneBatchProfile.jmhOptions(), forkArgs)));
        }
        return steps;
    }

    private static Map<String, List<String>> userParams(Profile profile, List<Model> models, MachineInfo.UserTasks user) {
        Map<String, List<String>> params = modelParams(profile, models, List.of(Workload.USER), null, null);
        params.put("task", user.classes());
        return params;
    }

    private static List<String> withForkArgs(List<String> options, String forkArgs) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("-jvmArgsPrepend", forkArgs));
        return all;
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
        return List.of(step("jvm-start", JvmStartBenchmark.class, params, profile.jmhOptions()));
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
            steps.add(step("skew", ModelBenchmark.class, modelParams(profile, models, skewWorkloads, uneven, null),
                    profile.jmhOptions()));
        }
        if (models.contains(Model.PROCESS_POOL) && !uneven.isEmpty()) {
            List<SizeSpread> withEven = new ArrayList<>(List.of(SizeSpread.NONE));
            withEven.addAll(uneven); // the chunks' loss to skew is against their own even batches
            steps.add(step("chunks", ModelBenchmark.class, modelParams(profile, List.of(Model.PROCESS_POOL),
                    skewWorkloads, withEven, CPYTHON_DEFAULT_CHUNKSIZE), profile.jmhOptions()));
        }
        return steps;
    }

    /** {@code chunksize=0}: the process pool cuts batches as CPython's {@code Pool.map} does by default. */
    static final String CPYTHON_DEFAULT_CHUNKSIZE = "0";

    private static Map<String, List<String>> modelParams(Profile profile, List<Model> models, List<Workload> workloads,
                                                         List<SizeSpread> spreads, String chunksize) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("model", names(models));
        params.put("workload", names(workloads));
        if (spreads != null) {
            params.put("spread", names(spreads));
        }
        if (chunksize != null) {
            params.put("chunksize", List.of(chunksize));
        }
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
            List<String> options = List.of("-prof", "gc", "-f", "1",
                    "-wi", String.valueOf(Math.min(profile.warmupIterations(), 1)), "-w", profile.warmupMillis() + "ms",
                    "-i", String.valueOf(Math.min(profile.iterations(), CAPACITY_ITERATIONS)),
                    "-r", profile.iterationMillis() + "ms", "-to", Math.max(60, limit.toSeconds() * 3) + "s");
            steps.add(new Step("capacity-" + plan.workload().name().toLowerCase(Locale.ROOT) + "-"
                    + plan.model().name().toLowerCase(Locale.ROOT), CapacityBenchmark.class, params, options, plan));
        }
        return steps;
    }

    /** Measured iterations of a capacity size, at most. */
    static final int CAPACITY_ITERATIONS = 3;

    private static Step step(String name, Class<?> benchmarkClass, Map<String, List<String>> params,
                             List<String> options) {
        return new Step(name, benchmarkClass, params, options, null);
    }

    static String join(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
