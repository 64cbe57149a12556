package org.concurrencybench.bench;

import java.io.IOException;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.model.ModelRunner;
import org.concurrencybench.model.RunnerSettings;
import org.concurrencybench.model.SubmissionOrder;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;

/**
 * What a batch benchmark builds once per trial and closes after it: the echo server (for the
 * workloads that talk to one), the batch's task list and the model's runner. Shared by
 * {@link ModelBenchmark} and {@link CapacityBenchmark}, so that both measure exactly
 * {@code runner.runBatch(batch)} and nothing of this set-up.
 */
final class BatchFixture implements AutoCloseable {

    private final EchoServer echoServer;
    private final ModelRunner runner;
    private final List<Task> batch;

    private BatchFixture(EchoServer echoServer, ModelRunner runner, List<Task> batch) {
        this.echoServer = echoServer;
        this.runner = runner;
        this.batch = batch;
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
        EchoServer server = workload.needsEchoServer() ? EchoServer.start(serverOptions) : null;
        try {
            List<Task> batch = order.arrange(workload.batch(tasks, sizes, spread, SizeSpread.DEFAULT_SEED, seedBase,
                    server == null ? null : server.address()));
            return new BatchFixture(server, model.newRunner(runnerSettings), batch);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /** One measured operation: the whole batch, joined; its checksum is returned for JMH to consume. */
    long runBatch() {
        return runner.runBatch(batch);
    }

    @Override
    public void close() throws IOException {
        try {
            runner.close();
        } finally {
            if (echoServer != null) {
                echoServer.close();
            }
        }
    }
}
