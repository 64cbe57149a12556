package org.concurrencybench.workload;

/**
 * The CPU-bound work of the suite: a chain of 64-bit multiply-xor-rotate steps.
 *
 * <p>Why it is shaped so: every step depends on the one before (a serial dependency chain), so
 * the JIT can neither vectorise nor reorder it; the seed comes from the task at run time and the
 * result is returned, so nothing can be folded to a constant or removed as dead code. The work is
 * cut into {@link #ITERATIONS_PER_UNIT}-step units with a {@link ExecutionHooks#checkpoint()}
 * between them: those are the "bytecodes" at which a simulated GIL may hand over the lock. With
 * {@link ExecutionHooks#NONE} the check point costs nothing.
 */
public final class CpuKernel {

    /** Steps in one work unit: a few microseconds on a current core. */
    public static final int ITERATIONS_PER_UNIT = 4096;

    private CpuKernel() {
    }

    /**
     * Runs {@code units} work units from {@code seed}, calling the check point between units.
     *
     * @return the final state, a checksum that depends on every step
     */
    public static long run(long seed, int units, ExecutionHooks hooks) {
        long state = seed;
        for (int unit = 0; unit < units; unit++) {
            state = unit(state);
            hooks.checkpoint();
        }
        return state;
    }

    /** One work unit: {@link #ITERATIONS_PER_UNIT} dependent steps. */
    static long unit(long state) {
        long x = state;
        for (int i = 0; i < ITERATIONS_PER_UNIT; i++) {
            x = Long.rotateLeft(x * 0x9E3779B97F4A7C15L, 23) ^ (x >>> 17) ^ i;
        }
        return x;
    }
}
