package org.concurrencybench.workload;

/**
 * A task that shares state: {@code units} units of {@link CpuKernel} work, and after each one an
 * update of a table that every task of the JVM shares, under one lock ({@link SharedTable}).
 *
 * <p>Why it is shaped so: the CPU work runs in parallel, the update does not, and the table's
 * cache lines travel between the cores that update it. Adding cores then adds waiting for the
 * lock and coherency traffic: the Universal Scalability Law's σ (the serial part) and κ (the
 * crosstalk), and a speedup curve that flattens and, on a many-core machine, bends down. What
 * limits it is the shared lock, not a GIL: free threads all contend for it, while each worker
 * process of {@code PROCESS_POOL} has its own table and lock and never waits for another's.
 *
 * <p>The checksum is the task's own kernel state, which the shared updates do not change; the
 * table's contents depend on the order of updates and are never compared.
 *
 * @param seed  where the kernel starts
 * @param units CPU work units, each followed by one locked update
 */
public record ContendedTask(long seed, int units) implements Task {

    public ContendedTask {
        if (units < 0) {
            throw new IllegalArgumentException("contended task units must be >= 0, got " + units);
        }
    }

    @Override
    public long run(ExecutionHooks hooks) {
        long state = seed;
        for (int unit = 0; unit < units; unit++) {
            state = CpuKernel.unit(state);
            SharedTable.update(state);
            hooks.checkpoint();
        }
        return state;
    }
}
