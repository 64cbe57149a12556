package org.concurrencybench.bench;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.user.UserTaskCall;

/**
 * The check that keeps a user's task honest across models, run once per trial before anything is
 * measured: a batch of fixed seeds, called in plain sequence on this thread (what
 * {@code SEQUENTIAL} computes), must give the same sum under the model under test. The suite's own
 * tasks are held to that by its tests; a user's task can only be held to it here. A task whose
 * checksum depends on something else (a clock, a thread, shared mutable state, its JVM) fails
 * its cell with both values instead of being drawn beside the others as if it did the same work.
 */
final class UserChecksum {

    /** The seeds of the check batch start here, the same in every fork, model and run. */
    static final long CHECK_SEED_BASE = 0;

    private UserChecksum() {
    }

    /**
     * @param underModel runs a batch under the model (and its timeout)
     * @throws IllegalStateException naming both sums when they differ
     */
    static void verify(Model model, String className, UserTask task, int tasks,
                       ToLongFunction<List<Task>> underModel, BatchWatchdog watchdog) {
        List<Task> check = UserTaskCall.batch(className, task, tasks, CHECK_SEED_BASE);
        long modelSum = underModel.applyAsLong(check); // first: a task that throws is named under this model
        long sequential = watchdog.run(sequentialSum(check));
        if (modelSum != sequential) {
            throw new IllegalStateException("checksum differs between models: SEQUENTIAL gives " + sequential + ", "
                    + model + " gives " + modelSum + " (task " + className + ", seeds " + CHECK_SEED_BASE + " to "
                    + (CHECK_SEED_BASE + tasks - 1) + "); a task's checksum must depend on its seed only");
        }
    }

    private static LongSupplier sequentialSum(List<Task> batch) {
        return () -> {
            long sum = 0;
            for (int i = 0; i < batch.size(); i++) {
                try {
                    sum += batch.get(i).run(ExecutionHooks.NONE);
                } catch (Exception e) {
                    throw new IllegalStateException("task " + i + " of " + batch.size() + " failed under SEQUENTIAL: " + e,
                            e);
                }
            }
            return sum;
        };
    }
}
