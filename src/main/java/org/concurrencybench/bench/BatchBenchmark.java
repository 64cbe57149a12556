package org.concurrencybench.bench;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The life of a batch benchmark, once for all of them: a {@link BatchFixture} built at
 * {@code Level.Trial} (never per invocation: the pool, the worker JVMs and the task list are not
 * what is measured), one measured operation that runs the whole batch and returns its checksum
 * for JMH to consume, and the fixture closed after the trial, so that no thread or process of it
 * outlives the fork. A subclass says only how its fixture is built from its {@code @Param}s.
 */
public abstract class BatchBenchmark extends SuiteBenchmark {

    /** Where the tasks' seeds start; a non-final field so the JIT cannot treat seeds as constants. */
    public long seedBase = System.nanoTime();

    private BatchFixture fixture;

    /** Builds this benchmark's fixture from its parameters; called once per trial. */
    protected abstract BatchFixture startFixture() throws IOException;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = startFixture();
    }

    @Benchmark
    public long batch() {
        return fixture.runBatch();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (fixture != null) {
            fixture.close();
        }
    }
}
