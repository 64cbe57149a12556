package org.concurrencybench.model;

import java.util.List;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;

/** {@link Model#SEQUENTIAL}: every task in turn on the calling thread, the baseline of every speedup. */
final class SequentialRunner implements ModelRunner {

    @Override
    public long runBatch(List<? extends Task> batch) {
        long sum = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                sum += batch.get(i).run(ExecutionHooks.NONE);
            } catch (Exception e) {
                throw new BatchFailedException(BatchFailedException.describe(Model.SEQUENTIAL, i, batch.size(), e), e);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        // nothing was started
    }
}
