package org.concurrencybench.bench;

import java.io.IOException;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.model.ModelRunner;
import org.concurrencybench.model.RunnerSettings;
import org.concurrencybench.model.SubmissionOrder;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.workload.user.BadTaskException;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.user.UserTaskCall;
import org.concurrencybench.workload.user.UserTaskLoader;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.MemoryTask;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;

/**
 * What a batch benchmark builds once per trial and closes after it: the echo server (for the
 * workloads that talk to one), the batch's task list and the model's runner (and, for a user's
 * task, the per-batch timeout, and the check that it left no thread running). Shared by
 * {@link ModelBenchmark} and {@link CapacityBenchmark}, so that both measure exactly
 * {@code runner.runBatch(batch)} and nothing of this set-up.
 */
final class BatchFixture implements AutoCloseable {

    private final EchoServer echoServer;
    private final ModelRunner runner;
    private final List<Task> batch;
    /** The per-batch timeout of a user's task; null for the suite's own tasks. */
    private final BatchWatchdog watchdog;
    /** The threads alive before a user's task ran, and what it is called; null for the suite's own tasks. */
    private final ThreadLeakCheck leakCheck;
    private final String what;

    private BatchFixture(EchoServer echoServer, ModelRunner runner, List<Task> batch, BatchWatchdog watchdog,
                         ThreadLeakCheck leakCheck, String what) {
        this.echoServer = echoServer;
        this.runner = runner;
        this.batch = batch;
        this.watchdog = watchdog;
        this.leakCheck = leakCheck;
        this.what = what;
    }

    /** Starts the server if the workload needs one, builds a batch of even tasks, then the runner. */
    static BatchFixture start(Model model, RunnerSettings runnerSettings, Workload workload, int tasks,
                              WorkloadSettings sizes, EchoServer.Options serverOptions, long seedBase)
            throws IOException {
        return start(model, runnerSettings, workload, tasks, sizes, SizeSpread.NONE, SubmissionOrder.AS_GENERATED,
                serverOptions, seedBase);
    }

    /**
     * Starts the server if the workload needs one, builds the batch with task sizes spread as
     * {@code spread} (from {@link SizeSpread#DEFAULT_SEED}: every model gets the same sizes) in
     * {@code order}, then the runner.
     */
    static BatchFixture start(Model model, RunnerSettings runnerSettings, Workload workload, int tasks,
                              WorkloadSettings sizes, SizeSpread spread, SubmissionOrder order,
                              EchoServer.Options serverOptions, long seedBase) throws IOException {
        if (workload == Workload.MEMORY) {
            MemoryTask.prepare(); // the 64 MiB array is set-up, not part of the first measured batch
        }
        EchoServer server = workload.needsEchoServer() ? EchoServer.start(serverOptions) : null;
        try {
            List<Task> batch = order.arrange(workload.batch(tasks, sizes, spread, SizeSpread.DEFAULT_SEED, seedBase,
                    server == null ? null : server.address()));
            return new BatchFixture(server, model.newRunner(runnerSettings), batch, null, null, null);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /**
     * The fixture of a user's task: this JVM's instance of {@code className}, a batch of its calls
     * and the runner, under the per-batch timeout. Before any measurement it checks the contract
     * that the checksum depends on the seed only ({@link UserChecksum}): a batch of fixed seeds
     * must sum to the same under the model as in plain sequential calls, or set-up fails, and with
     * it the cell, naming both values.
     */
    static BatchFixture startUser(Model model, RunnerSettings runnerSettings, String className, int tasks,
                                  long seedBase) {
        ThreadLeakCheck leakCheck = ThreadLeakCheck.start(); // before the task's class is even loaded
        UserTask task;
        try {
            task = UserTaskLoader.shared(className);
        } catch (BadTaskException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        String what = "task " + className + " under " + model;
        BatchWatchdog watchdog = new BatchWatchdog(BatchWatchdog.configuredLimit(), what);
        BatchFixture fixture = new BatchFixture(null, model.newRunner(runnerSettings),
                UserTaskCall.batch(className, task, tasks, seedBase), watchdog, leakCheck, what);
        try {
            UserChecksum.verify(model, className, task, tasks, batch -> watchdog.run(() -> fixture.runner.runBatch(batch)),
                    watchdog);
            return fixture;
        } catch (RuntimeException e) {
            fixture.closeQuietly();
            throw e;
        }
    }

    /** One measured operation: the whole batch, joined; its checksum is returned for JMH to consume. */
    long runBatch() {
        return watchdog == null ? runner.runBatch(batch) : watchdog.run(() -> runner.runBatch(batch));
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // set-up already failed; its exception is the one to report
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (watchdog != null) {
                watchdog.close();
            }
            runner.close();
        } finally {
            if (echoServer != null) {
                echoServer.close();
            }
        }
        if (leakCheck != null) {
            warnOfLeftoverThreads();
        }
    }

    /** After the runner's own threads have ended: any thread still alive was started by the task. */
    private void warnOfLeftoverThreads() {
        try {
            String warning = ThreadLeakCheck.warning(what, leakCheck.leftOver());
            if (warning != null) {
                System.out.println(warning);
                System.out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
