package org.concurrencybench.bench;

/**
 * How long JMH measures a benchmark of this suite when nobody says otherwise: the sweep's default
 * profile, as compile-time constants so that every benchmark class carries them in its
 * {@code @Fork}, {@code @Warmup} and {@code @Measurement}. A direct
 * {@code java -jar target/benchmarks.jar ModelBenchmark -p model=FIXED_POOL -p workload=CPU}
 * then takes seconds, not JMH's own defaults (5 forks of 5 x 10 s warm-up and 5 x 10 s measured).
 */
public final class BenchmarkDefaults {

    /*
     * Forks, not iterations, are the independent samples: iterations inside a fork share its JIT
     * decisions and memory layout. A comparison's interval takes a t quantile on the forks (rounds)
     * of each side, so the time goes into forks rather than iterations.
     */

    /** JVM forks per benchmark: the independent samples. */
    public static final int FORKS = 5;
    /*
     * Warm-up: a fork's batch times fall for about a second before they settle (the JIT, a
     * connection's buffers), more for IO, so one short warm-up iteration leaves the first measured
     * one slow in most forks; the report's "Steady state" section measures it for every run and
     * names the cells still warming up.
     */
    /** Warm-up iterations per fork, not recorded. */
    public static final int WARMUP_ITERATIONS = 2;
    /** Length of one warm-up iteration, milliseconds. */
    public static final int WARMUP_MILLIS = 500;
    /** Measured iterations per fork. */
    public static final int ITERATIONS = 3;
    /** Length of one measured iteration, milliseconds (at least one batch, however long). */
    public static final int ITERATION_MILLIS = 500;

    /** Tasks per batch of {@link ModelBenchmark}: enough that a pool of a few threads queues them. */
    public static final int BATCH_TASKS = 64;

    /** Concurrent waiting tasks per batch of {@link CapacityBenchmark} when the sweep passes no sizes. */
    public static final int CAPACITY_TASKS = 1000;

    /** System property: seconds one batch of a user's task may take before its fork is stopped. */
    public static final String TASK_TIMEOUT_PROPERTY = "concurrencybench.task.timeoutSeconds";

    /** The per-batch timeout of a user's task when the sweep gives none, seconds. */
    public static final long TASK_TIMEOUT_SECONDS = 60;

    /**
     * The start of the line a benchmark's fork prints when it stops itself (a user's batch past its
     * timeout): the sweep reads the rest of the line as the cell's reason.
     */
    public static final String FAILURE_MARKER = "concurrencybench: FAILED: ";

    /**
     * The start of the line a fork prints of something that did not stop the measurement but
     * weakens it (a user's task that left threads running): the sweep shows the rest as the cell's note.
     */
    public static final String WARNING_MARKER = "concurrencybench: WARNING: ";

    /** The switch interval of CPython's GIL, {@code sys.getswitchinterval()}: 5 ms, in microseconds. */
    public static final long CPYTHON_SWITCH_INTERVAL_MICROS =
            org.concurrencybench.gil.GlobalInterpreterLock.CPYTHON_SWITCH_INTERVAL_MICROS;

    private BenchmarkDefaults() {
    }
}
