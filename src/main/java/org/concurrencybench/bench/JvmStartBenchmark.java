package org.concurrencybench.bench;

import java.io.IOException;
import org.concurrencybench.process.WorkerLauncher;
import org.concurrencybench.workload.SleepTask;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Level;

/**
 * One invocation starts one JVM and waits until it has exited; the score is milliseconds per JVM.
 * The question: what does {@code PROCESS_PER_TASK} pay per task, next to the cheapest JVM start on
 * this machine, and what does the worker's class-data-sharing archive save?
 *
 * <ul>
 *   <li>{@code BARE_JVM}: {@code java -version} with the JDK's default flags, output discarded:
 *       the floor any JVM start pays.</li>
 *   <li>{@code WORKER_WITHOUT_APP_CDS}: a one-task worker ({@code PROCESS_PER_TASK}'s flags, the
 *       JDK's default CDS archive only) started, sent a zero-length sleep task, read, waited for.</li>
 *   <li>{@code WORKER_WITH_APP_CDS}: the same with the worker's dynamic CDS archive (JDK 19+;
 *       on older JDKs it equals the previous case). The archive is created in setup, not measured.</li>
 * </ul>
 * Included: process creation, JVM start-up and exit, the pipes. Excluded: nothing else runs.
 */
public class JvmStartBenchmark extends SuiteBenchmark {

    /** Which JVM start is measured. */
    public enum Start {
        BARE_JVM, WORKER_WITHOUT_APP_CDS, WORKER_WITH_APP_CDS
    }

    @Param
    public Start start;

    /** A non-final field so that the task is not a constant. */
    public long seed = System.nanoTime();

    private WorkerLauncher launcher;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        launcher = WorkerLauncher.standard(WorkerLauncher.Lifetime.ONE_TASK)
                .withSharedArchive(start == Start.WORKER_WITH_APP_CDS);
        launcher.prepareArchive();
    }

    @Benchmark
    public long startOneJvm() throws Exception {
        if (start == Start.BARE_JVM) {
            return bareJvm();
        }
        return launcher.runInFreshWorker(new SleepTask(seed, 0));
    }

    private static int bareJvm() throws IOException, InterruptedException {
        return new ProcessBuilder(WorkerLauncher.javaBinary(), "-version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
