package org.concurrencybench.report.input;

/**
 * The simple names of the suite's benchmark classes, as JMH writes them into a result's
 * {@code benchmark} field: the report picks its sections' results by these names.
 */
public final class BenchmarkClasses {

    /** One batch of tasks under one model: the scaling analysis and the uneven batches. */
    public static final String MODEL = "ModelBenchmark";
    /** I/O beside CPU-bound threads under the simulated GIL. */
    public static final String CONVOY = "ConvoyBenchmark";
    /** Large batches, to find where a model stops coping. */
    public static final String CAPACITY = "CapacityBenchmark";
    /** A bare JVM's start, beside PROCESS_PER_TASK. */
    public static final String JVM_START = "JvmStartBenchmark";

    private BenchmarkClasses() {
    }
}
