package org.concurrencybench.bench;

/**
 * How long JMH measures a benchmark of this suite when nobody says otherwise: the sweep's default
 * profile, as compile-time constants so that every benchmark class carries them in its
 * {@code @Fork}, {@code @Warmup} and {@code @Measurement}. A direct
 * {@code java -jar target/benchmarks.jar ModelBenchmark -p model=FIXED_POOL -p workload=CPU}
 * then takes seconds, not JMH's own defaults (5 forks of 5 x 10 s warm-up and 5 x 10 s measured).
 */
public final class BenchmarkDefaults {

    /** JVM forks per benchmark: the independent samples. */
    public static final int FORKS = 2;
    /** Warm-up iterations per fork, not recorded. */
    public static final int WARMUP_ITERATIONS = 2;
    /** Length of one warm-up iteration, milliseconds. */
    public static final int WARMUP_MILLIS = 1000;
    /** Measured iterations per fork. */
    public static final int ITERATIONS = 4;
    /** Length of one measured iteration, milliseconds (at least one batch, however long). */
    public static final int ITERATION_MILLIS = 1000;

    /** The switch interval of CPython's GIL, {@code sys.getswitchinterval()}: 5 ms, in microseconds. */
    public static final long CPYTHON_SWITCH_INTERVAL_MICROS = 5000;

    private BenchmarkDefaults() {
    }
}
