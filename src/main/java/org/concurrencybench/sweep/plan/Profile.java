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
 * @param minRounds          rounds always run: a sweep runs in rounds, each one fork of every cell
 *                           ({@code forks} is per round: 1), and stops on {@link StoppingRule}
 * @param maxRounds          rounds at most
 * @param precision          the relative half-width at which a cell's mean is known (e.g. 0.02)
 */
public record Profile(String name, int forks, int warmupIterations, long warmupMillis, int iterations,
                      long iterationMillis, int batchTasks, boolean oneSwitchInterval, boolean unevenByDefault,
                      int minRounds, int maxRounds, double precision) {

    /** Tasks per batch of the quick profile. */
    public static final int QUICK_BATCH_TASKS = 32;

    /** Measured iterations per fork of the default profile. */
    static final int DEFAULT_ITERATIONS = 2;
    /** The default profile's most rounds. */
    public static final int DEFAULT_MAX_ROUNDS = 6;
    /**
     * The default profile's time limit on rounds past the least, from the sweep's start: the default
     * command is meant to finish within half an hour on a small machine, build and report included,
     * so its extra rounds use what time its least rounds leave of 28 minutes, and no more. A
     * {@code --budget} replaces it.
     */
    public static final java.time.Duration DEFAULT_EXTRA_ROUNDS_LIMIT = java.time.Duration.ofMinutes(28);

    /** Wiring checks only (CI): does every cell run and give a plausible number? Not for reading. */
    public static final Profile SMOKE = new Profile("smoke", 1, 1, 100, 2, 100, 16, true, true, 1, 1, 1);
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
    public static final Profile QUICK = new Profile("quick", 1, 1, 100, 2, 100, Profile.QUICK_BATCH_TASKS, true, false,
            1, 1, 1);
    /**
     * The quick profile as runs made before {@code machine.json} recorded {@code batchTasks} ran it:
     * the benchmark's 64 tasks and two 200 ms measured iterations. {@code --resume} and
     * {@code verify} plan such a run with it ({@link PlannedRun}).
     */
    static final Profile QUICK_BEFORE_BATCH_TASKS = new Profile("quick", 1, 1, 200, 2, 200, 0, false, true, 1, 1, 1);
    /**
     * A real run, shaped for comparisons, in rounds: each round one fork of every cell, two 0.5 s
     * warm-up and two 0.5 s measured iterations; at least {@value StoppingRule#DEFAULT_MIN_ROUNDS}
     * rounds, then on until every cell's mean is known to 2% (from the round after the least only
     * the cells short of it run again), at most {@value #DEFAULT_MAX_ROUNDS}. Iterations inside a
     * fork are not independent samples; rounds are, so time goes to rounds: two measured iterations
     * instead of the benchmarks' own three ({@link BenchmarkDefaults}) buy a fifth more rounds.
     */
    public static final Profile DEFAULT = new Profile("default", 1,
            BenchmarkDefaults.WARMUP_ITERATIONS, BenchmarkDefaults.WARMUP_MILLIS, DEFAULT_ITERATIONS,
            BenchmarkDefaults.ITERATION_MILLIS, 0, false, true, StoppingRule.DEFAULT_MIN_ROUNDS, Profile.DEFAULT_MAX_ROUNDS,
            StoppingRule.DEFAULT_PRECISION);

    /**
     * For publication: longer and more iterations than the default, and more rounds: at least
     * {@value BenchmarkDefaults#FORKS} (a comparison's t interval on 5 rounds a side has 8 degrees
     * of freedom, not 4), to 1%, at most 15.
     */
    public static final Profile FULL = new Profile("full", 1, 5, 2000, 10, 2000, 0, false, true, BenchmarkDefaults.FORKS,
            15, 0.01);


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
                oneSwitchInterval, unevenByDefault, minRounds, maxRounds, precision);
    }

    /** The same profile with other rounds ({@code --min-rounds}, {@code --max-rounds}, {@code --precision}, a budget). */
    public Profile withRounds(int minRounds, int maxRounds, double precision) {
        return new Profile(name, forks, warmupIterations, warmupMillis, iterations, iterationMillis, batchTasks,
                oneSwitchInterval, unevenByDefault, minRounds, maxRounds, precision);
    }

    /**
     * The stopping rule of this profile's rounds, within {@code budgetMillis} (0: none); without a
     * budget, the default profile's rounds past the least stop at {@link #DEFAULT_EXTRA_ROUNDS_LIMIT}.
     */
    public StoppingRule stoppingRule(long budgetMillis) {
        long extraRoundsLimit = budgetMillis == 0 && name.equals(DEFAULT.name()) ? DEFAULT_EXTRA_ROUNDS_LIMIT.toMillis() : 0;
        return new StoppingRule(precision, minRounds, maxRounds, budgetMillis, extraRoundsLimit);
    }

    /** The same profile with {@code tasks} per model batch (0: the benchmark's own default). */
    public Profile withBatchTasks(int tasks) {
        return new Profile(name, forks, warmupIterations, warmupMillis, iterations, iterationMillis, tasks,
                oneSwitchInterval, unevenByDefault, minRounds, maxRounds, precision);
    }

    /** JMH's forks and iterations for this profile. */
    public JmhOptions jmhOptions() {
        return JmhOptions.of(forks, warmupIterations, warmupMillis, iterations, iterationMillis);
    }

}
