package org.concurrencybench.sweep.plan;

import java.util.List;
import org.concurrencybench.bench.BenchmarkDefaults;

/**
 * How long and how often JMH measures each benchmark: the sweep's profiles. Iteration times are
 * in milliseconds; an iteration lasts at least one batch, however long that is.
 *
 * @param forks              JVM forks per benchmark (each a fresh JVM; intervals are across forks)
 * @param warmupIterations   warm-up iterations per fork, not recorded
 * @param warmupMillis       length of one warm-up iteration
 * @param iterations         measured iterations per fork
 * @param iterationMillis    length of one measured iteration
 * @param batchTasks         tasks per model batch, or 0 for the benchmark's own default (64)
 * @param oneSwitchInterval  whether the convoy runs under the lock at CPython's default interval only
 * @param unevenByDefault    whether the uneven batches ({@code SweepSettings.DEFAULT_SPREADS}) run
 *                           unless {@code --spread} says otherwise; without, only even batches
 */
public record Profile(String name, int forks, int warmupIterations, long warmupMillis, int iterations,
                      long iterationMillis, int batchTasks, boolean oneSwitchInterval, boolean unevenByDefault) {

    /** Tasks per batch of the quick profile. */
    public static final int QUICK_BATCH_TASKS = 32;

    /** Wiring checks only (CI): does every cell run and give a plausible number? Not for reading. */
    public static final Profile SMOKE = new Profile("smoke", 1, 1, 100, 2, 100, 16, true, true);
    /**
     * A first look (a new machine), every model and workload in a few minutes:
     * one fork, one 100 ms warm-up and two 100 ms measured iterations over batches of
     * {@value #QUICK_BATCH_TASKS} tasks. An iteration lasts whole batches, so what a look costs is
     * mostly its long batches: half the default's tasks halves them (and PROCESS_PER_TASK's JVM
     * starts), and an iteration shorter than a CPU batch at one core is one batch,
     * not two. The convoy at CPython's switch interval only, fewer JVM-start cells and one
     * PROCESS_PER_TASK batch (see {@link SweepPlan#firstLook}); even batches only unless
     * {@code --spread} asks. Intervals are wide: two iterations of one fork give a t quantile of
     * 12.7 (3 iterations: 4.3), about 3.6 times the width for the same spread. Its batches are half
     * a default run's, which a comparison of the two says (another machine's quick look compares).
     */
    public static final Profile QUICK = new Profile("quick", 1, 1, 100, 2, 100, Profile.QUICK_BATCH_TASKS, true, false);
    /**
     * The quick profile as runs made before {@code machine.json} recorded {@code batchTasks} ran it:
     * the benchmark's 64 tasks and two 200 ms measured iterations. {@code --resume} and
     * {@code verify} plan such a run with it ({@link PlannedRun}).
     */
    static final Profile QUICK_BEFORE_BATCH_TASKS = new Profile("quick", 1, 1, 200, 2, 200, 0, false, true);
    /**
     * A real run, shaped for comparisons: the benchmarks' own defaults ({@link BenchmarkDefaults}),
     * five forks of one 0.6 s warm-up and three 0.6 s measured iterations.
     */
    public static final Profile DEFAULT = new Profile("default", BenchmarkDefaults.FORKS,
            BenchmarkDefaults.WARMUP_ITERATIONS, BenchmarkDefaults.WARMUP_MILLIS, BenchmarkDefaults.ITERATIONS,
            BenchmarkDefaults.ITERATION_MILLIS, 0, false, true);
    /** For publication: longer and more iterations than the default, in fewer forks. */
    public static final Profile FULL = new Profile("full", 3, 5, 2000, 10, 2000, 0, false, true);


    /** The profile of this name, as the run's machine file records it. */
    static Profile byName(String name) {
        for (Profile p : List.of(SMOKE, QUICK, DEFAULT, FULL)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; valid: smoke, quick, default, full");
    }

    /** The same profile with other forks and iterations (a budget's plan); its batches and convoy stay. */
    public Profile withTiming(int forks, int warmupIterations, long warmupMillis, int iterations, long iterationMillis) {
        return new Profile(name, forks, warmupIterations, warmupMillis, iterations, iterationMillis, batchTasks,
                oneSwitchInterval, unevenByDefault);
    }

    /** The same profile with {@code tasks} per model batch (0: the benchmark's own default). */
    public Profile withBatchTasks(int tasks) {
        return new Profile(name, forks, warmupIterations, warmupMillis, iterations, iterationMillis, tasks,
                oneSwitchInterval, unevenByDefault);
    }

    /** JMH's command-line options for this profile. */
    public List<String> jmhOptions() {
        return List.of("-f", String.valueOf(forks), "-wi", String.valueOf(warmupIterations),
                "-w", warmupMillis + "ms", "-i", String.valueOf(iterations), "-r", iterationMillis + "ms");
    }

}
