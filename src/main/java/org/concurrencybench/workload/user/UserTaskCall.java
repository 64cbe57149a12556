package org.concurrencybench.workload.user;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.concurrencybench.api.Hooks;
import org.concurrencybench.api.UserTask;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;

/**
 * One task of a user's batch: {@code task.run(seed, hooks)}, with the suite's
 * {@link ExecutionHooks} offered to the user in the API's terms. The class name travels to worker
 * processes, which load their own instance ({@link UserTaskLoader#shared}); the instance is the
 * one built for the trial and shared by every task of it.
 *
 * @param className the user's class, as named on the command line
 * @param seed      the task's number in its batch, from the batch's seed base
 * @param task      the trial's instance of {@code className}
 */
public record UserTaskCall(String className, long seed, UserTask task) implements Task {

    @Override
    public long run(ExecutionHooks hooks) throws Exception {
        return task.run(seed, hooks == ExecutionHooks.NONE ? FREE : new LockHooks(hooks));
    }

    /** A batch of {@code tasks} calls of {@code task}, seeds {@code seedBase}, {@code seedBase + 1}, .... */
    public static List<Task> batch(String className, UserTask task, int tasks, long seedBase) {
        if (tasks < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 task, got " + tasks);
        }
        List<Task> batch = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            batch.add(new UserTaskCall(className, seedBase + i, task));
        }
        return List.copyOf(batch);
    }

    /** The hooks of the models without a lock: nothing to do. */
    private static final Hooks FREE = new Hooks() {
        @Override
        public void checkpoint() {
        }

        @Override
        public <T> T blocking(Callable<T> call) throws Exception {
            return call.call();
        }
    };

    /** The suite's hooks (a simulated GIL's) in the user's terms. */
    private record LockHooks(ExecutionHooks hooks) implements Hooks {
        @Override
        public void checkpoint() {
            hooks.checkpoint();
        }

        @Override
        public <T> T blocking(Callable<T> call) throws Exception {
            return hooks.blocking(call::call);
        }
    }
}
