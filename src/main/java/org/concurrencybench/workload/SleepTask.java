package org.concurrencybench.workload;

import java.time.Duration;

/**
 * A task that only waits: a blocking sleep, standing for a call to a slow service.
 *
 * <p>The sleep is a blocking call, so a simulated GIL is released while it lasts. The checksum is
 * derived from the seed, so a batch's checksum still proves that every task ran.
 *
 * @param seed   identifies the task; returned mixed, as its checksum
 * @param micros how long to sleep, in microseconds
 */
public record SleepTask(long seed, long micros) implements Task {

    public SleepTask {
        if (micros < 0) {
            throw new IllegalArgumentException("sleep must be >= 0 microseconds, got " + micros);
        }
    }

    @Override
    public long run(ExecutionHooks hooks) throws Exception {
        hooks.blocking(() -> {
            Thread.sleep(Duration.ofNanos(micros * 1_000L));
            return null;
        });
        return checksum(seed);
    }

    /** The checksum of a sleep task with this seed; any model that runs the sleep its own way returns it. */
    public static long checksum(long seed) {
        return Long.rotateLeft(seed * 0x9E3779B97F4A7C15L, 31);
    }
}
