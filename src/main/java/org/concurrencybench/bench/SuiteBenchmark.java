package org.concurrencybench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every benchmark of the suite shares, written once, JMH's way
 * ({@code JMHSample_24_Inheritance}: annotations on an abstract base, and "the closest annotation
 * wins", so a subclass that measures something else, like {@link ConvoyBenchmark}'s round trips
 * per second, states only what differs).
 *
 * <p>Why these: the forks and iterations of {@link BenchmarkDefaults} (forks are the independent
 * samples); average time in milliseconds, because one operation is one batch of tasks; and
 * {@code @Threads(1)}, because the model under test does the parallelism, not JMH. One
 * {@code Scope.Benchmark} state, the class itself, holds the executors, built once per trial.
 */
@State(Scope.Benchmark)
@Fork(BenchmarkDefaults.FORKS)
@Warmup(iterations = BenchmarkDefaults.WARMUP_ITERATIONS, time = BenchmarkDefaults.WARMUP_MILLIS,
        timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = BenchmarkDefaults.ITERATIONS, time = BenchmarkDefaults.ITERATION_MILLIS,
        timeUnit = TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public abstract class SuiteBenchmark {
}
