package org.concurrencybench.workload;

/**
 * A CPU-bound task: {@code units} work units of {@link CpuKernel} from {@code seed}.
 *
 * @param seed  where the kernel starts; differs per task so no two tasks are the same
 * @param units work units, each {@link CpuKernel#ITERATIONS_PER_UNIT} steps
 */
public record CpuTask(long seed, int units) implements Task {

    public CpuTask {
        if (units < 0) {
            throw new IllegalArgumentException("CPU task units must be >= 0, got " + units);
        }
    }

    @Override
    public long run(ExecutionHooks hooks) {
        return CpuKernel.run(seed, units, hooks);
    }
}
