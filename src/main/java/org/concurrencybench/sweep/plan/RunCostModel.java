package org.concurrencybench.sweep.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.bench.CapacityBenchmark;
import org.concurrencybench.bench.ConvoyBenchmark;
import org.concurrencybench.bench.JvmStartBenchmark;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.model.BatchTimePredictor;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;

/**
 * How long a sweep's JMH invocations take, estimated from the very steps that will run (the
 * benchmark class, its parameter values, its forks and iterations), so the {@code --dry-run}
 * estimate, the progress line and {@code --budget} all follow whatever the plan really asks for.
 *
 * <p>Counting iterations at their nominal length runs low wherever batches are long, because an
 * iteration lasts at least one batch: JMH stops an iteration only when the operation running at
 * the end of its time has finished, so an iteration of length T over batches of b ms lasts
 * {@code ceil(T / b) * b}. Many model x workload cells have batches of a sizeable fraction of an
 * iteration at one core, and {@code PROCESS_PER_TASK}'s (a JVM start per task) outlast it. This
 * model adds those, per benchmark and per core count:
 * <pre>
 *   invocation = HOST_START + sum over benchmarks of forks x (forkStart(cores) + sum over iterations of ceil(T/b) x b)
 *   run        = sum of invocations + REPORT
 * </pre>
 *
 * <p><b>Calibration</b>: each JMH log records every benchmark's iteration scores and JMH's own
 * "Total time" per invocation; the per-task costs below are the measured batch times at one core
 * divided by the batch's tasks, and the fork start is what the total time leaves over the
 * iterations' modelled length. JMH's host has a start and an end of its own
 * ({@link #HOST_START_MILLIS} per invocation), which the invocations' totals leave out.
 * {@code RunCostModelTest} names the committed run the constants come from and checks the model
 * against it; recalibrate with {@code python3 docs/calibrate-estimate.py results/RUN/logs/*.log}.
 * On a faster machine the CPU work takes less than modelled: the estimate then errs long, which is
 * the safe side for a budget.
 *
 * <p><b>Checking it</b> (on a quiet machine): the estimate is the first line of a dry run, the real
 * time is the whole command's, report included.
 * <pre>
 *   ./run-benchmarks.sh --dry-run --quick | head -1;   /usr/bin/time -f %e ./run-benchmarks.sh --no-build --quick --label est-quick
 *   ./run-benchmarks.sh --dry-run | head -1;           /usr/bin/time -f %e ./run-benchmarks.sh --no-build --label est-default
 *   ./run-benchmarks.sh --dry-run --budget 5m | head -3; /usr/bin/time -f %e ./run-benchmarks.sh --no-build --budget 5m --label est-budget
 * </pre>
 */
public final class RunCostModel {

    /** Starting JMH's own JVM and reading its benchmark list, per invocation. */
    static final long HOST_START_MILLIS = 600;
    /** Writing the report (charts, md, html) of a whole run. */
    public static final long REPORT_MILLIS = 12_000;
    /** Tasks per batch in ModelBenchmark where the plan does not set them: its declared {@code @Param}. */
    static final int DEFAULT_TASKS = BenchmarkCells.declaredBatchTasks();

    /**
     * One task's cost at one core on the calibration run's machine, in ms: a CPU task (the CPU kernel's
     * default size), a SLEEP (10 ms), an IO task (loopback round trips, mostly waiting) and a MIXED one.
     */
    static final double CPU_TASK = 4.8;
    private static final double SLEEP_TASK = 10.2;
    private static final double IO_TASK = 0.75;
    private static final double MIXED_TASK = 2.4;
    /** A fresh worker JVM per task at one core (PROCESS_PER_TASK), and how it scales with cores. */
    private static final double PROCESS_START = 85;
    private static final double PROCESS_SCALING_EXPONENT = 0.68;
    /** Starting a platform thread and its stack, ms (what bounds THREAD_PER_TASK's big capacity batches). */
    private static final double THREAD_START = 0.14;

    private RunCostModel() {
    }

    /** What JMH's fork of a benchmark costs before its first iteration: a JVM start, slower on fewer cores. */
    static long forkStartMillis(int cores) {
        return 350 + 350 / Math.max(1, cores);
    }

    /** The estimated wall time of one JMH invocation of {@code step}, pinned to {@code cores} CPUs. */
    static long invocationMillis(SweepPlan.Step step, int cores) {
        JmhOptions o = step.options();
        long total = HOST_START_MILLIS;
        for (double batch : batchMillis(step, cores)) {
            long perFork = forkStartMillis(cores) + o.warmupIterations() * iteration(o.warmupMillis(), batch)
                    + o.iterations() * iteration(o.iterationMillis(), batch);
            total += o.forks() * perFork;
        }
        return total;
    }

    /** The estimated wall time of steps run at {@code cores}. */
    public static long millis(List<SweepPlan.Step> steps, int cores) {
        return steps.stream().mapToLong(s -> invocationMillis(s, cores)).sum();
    }

    /**
     * The estimated wall time of a whole sweep, report included: its least rounds, each the steps of
     * every core count and those at the largest only (JVM start-up, uneven batches), and capacity
     * ({@code connections}: the machine's loopback limit, see {@link CapacityPlan#connectionLimit}).
     */
    public static long sweepMillis(Profile profile, List<Integer> cores, List<Model> models, List<Workload> workloads,
                            boolean convoy, List<Integer> taskCounts, Duration maxBatch, int connections,
                            List<SizeSpread> spreads, List<Workload> skewWorkloads) {
        if (cores.isEmpty()) {
            return 0;
        }
        List<SweepPlan.Step> every = SweepPlan.stepsFor(profile, models, workloads, convoy);
        int largest = cores.get(cores.size() - 1);
        List<SweepPlan.Step> once = new ArrayList<>(SweepPlan.onceSteps(profile, models));
        once.addAll(SweepPlan.skewSteps(profile, models, spreads, skewWorkloads));
        if (!taskCounts.isEmpty()) {
            once.addAll(SweepPlan.capacitySteps(profile, CapacityPlan.plan(models, workloads, taskCounts, largest,
                    maxBatch, connections), maxBatch));
        }
        long round = millis(once, largest);
        for (int n : cores) {
            round += millis(every, n);
        }
        return REPORT_MILLIS + (long) profile.minRounds() * round;
    }

    /** How long one iteration of nominal length {@code millis} lasts over batches of {@code batch} ms. */
    static long iteration(long millis, double batch) {
        if (batch <= 0) {
            return millis;
        }
        return (long) Math.ceil(Math.max(1, Math.ceil(millis / batch)) * batch);
    }

    /** The batch time of every benchmark the invocation runs (one entry per parameter combination). */
    private static List<Double> batchMillis(SweepPlan.Step step, int cores) {
        List<Double> batches = new ArrayList<>();
        Class<?> benchmark = step.benchmarkClass();
        if (benchmark == ModelBenchmark.class) {
            int tasks = Integer.parseInt(step.values("tasks").get(0));
            for (Model model : enums(step, "model", Model.class)) {
                for (Workload workload : enums(step, "workload", Workload.class)) {
                    batches.add(modelBatch(model, workload, tasks, cores));
                }
            }
        } else if (benchmark == ConvoyBenchmark.class) {
            int cells = step.values("model").size() * step.values("cpuThreads").size()
                    * step.values("switchIntervalMicros").size();
            for (int i = 0; i < cells; i++) {
                batches.add(0.1); // one round trip per operation
            }
        } else if (benchmark == JvmStartBenchmark.class) {
            for (int i = 0; i < step.values("start").size(); i++) {
                batches.add(PROCESS_START);
            }
        } else if (benchmark == CapacityBenchmark.class) {
            for (Model model : enums(step, "model", Model.class)) {
                for (String tasks : step.values("tasks")) {
                    batches.add(capacityBatch(model, Integer.parseInt(tasks), cores));
                }
            }
        } else {
            batches.add(0.0);
        }
        return batches;
    }

    /** A parameter's values (given, else declared) as constants of {@code type}. */
    private static <E extends Enum<E>> List<E> enums(SweepPlan.Step step, String param, Class<E> type) {
        return step.values(param).stream().map(v -> Enum.valueOf(type, v.trim())).toList();
    }

    /** One ModelBenchmark batch: its tasks' cost, spread over as many as the model runs at once. */
    static double modelBatch(Model model, Workload workload, int tasks, int cores) {
        double perTask = switch (workload) {
            case CPU -> CPU_TASK;
            case SLEEP -> SLEEP_TASK;
            case IO -> IO_TASK;
            case MIXED -> MIXED_TASK;
            // Not calibrated: a MEMORY task streams 16 MiB (a few ms), a CONTENDED one is a CPU task
            // with locked updates; a user's task is unknown, guessed as long as a CPU task.
            case MEMORY, CONTENDED, USER -> CPU_TASK;
        };
        double serial = perTask * tasks;
        return switch (model) {
            case SEQUENTIAL -> serial;
            // One lock or one loop runs the CPU part serially; the waits overlap (a pool's worth at a time).
            case GLOBAL_LOCK -> workload == Workload.SLEEP ? serial / cores : serial;
            case GLOBAL_LOCK_PER_TASK -> workload == Workload.SLEEP ? SLEEP_TASK * 1.3 : serial;
            case EVENT_LOOP -> workload == Workload.SLEEP ? SLEEP_TASK : workload == Workload.IO ? serial * 0.6 : serial * 0.9;
            case THREAD_PER_TASK, VIRTUAL_THREADS -> workload == Workload.SLEEP ? SLEEP_TASK * 1.3 : serial / cores;
            case FIXED_POOL, FORK_JOIN, PROCESS_POOL -> workload == Workload.IO ? serial : serial / cores;
            case PROCESS_PER_TASK -> (PROCESS_START * tasks + serial) / Math.pow(cores, PROCESS_SCALING_EXPONENT);
        };
    }

    /** One CapacityBenchmark batch of {@code tasks} 10 ms waits: its lower bound, or what starting its threads costs. */
    static double capacityBatch(Model model, int tasks, int cores) {
        double bound = BatchTimePredictor.predict(model, tasks, Duration.ofMillis(10), 0, cores).toMillis();
        return switch (model) {
            case THREAD_PER_TASK, GLOBAL_LOCK_PER_TASK -> Math.max(bound, THREAD_START * tasks);
            case PROCESS_PER_TASK -> Math.max(bound, PROCESS_START * tasks / Math.pow(cores, PROCESS_SCALING_EXPONENT));
            default -> bound;
        };
    }
}
