package org.concurrencybench.workload;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of work a task can do, by the names the benchmarks and the command line use.
 * Each builds a batch of distinct tasks: task {@code i} gets seed {@code seedBase + i}.
 */
public enum Workload {
    /** CPU-bound: {@link CpuTask}. */
    CPU,
    /** Waiting only: {@link SleepTask}. */
    SLEEP,
    /** Real blocking I/O on loopback TCP: {@link IoTask}. */
    IO,
    /** CPU work and round trips interleaved: {@link MixedTask}. */
    MIXED;

    /** Whether this workload talks to an {@link EchoServer}. */
    public boolean needsEchoServer() {
        return this == IO || this == MIXED;
    }

    /**
     * Builds a batch of {@code tasks} tasks, all of the sizes in {@code settings}
     * ({@link SizeSpread#NONE}).
     *
     * @param server the echo server's address; only read by workloads that {@link #needsEchoServer()}
     */
    public List<Task> batch(int tasks, WorkloadSettings settings, long seedBase, InetSocketAddress server) {
        return batch(tasks, settings, SizeSpread.NONE, SizeSpread.DEFAULT_SEED, seedBase, server);
    }

    /**
     * Builds a batch of {@code tasks} tasks whose sizes follow {@code spread} around the sizes in
     * {@code settings}, drawn from {@code sizeSeed}: what a task's size is depends on the workload
     * (CPU: kernel units; SLEEP: microseconds asleep; IO: round trips; MIXED: CPU-then-round-trip
     * steps, each of the same CPU work). The batch's total is the same for every spread.
     *
     * @param server the echo server's address; only read by workloads that {@link #needsEchoServer()}
     */
    public List<Task> batch(int tasks, WorkloadSettings settings, SizeSpread spread, long sizeSeed, long seedBase,
                            InetSocketAddress server) {
        if (tasks < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 task, got " + tasks);
        }
        if (needsEchoServer() && server == null) {
            throw new IllegalArgumentException(this + " needs an echo server address");
        }
        long[] sizes = spread.sizes(tasks, meanSize(settings), sizeSeed);
        List<Task> batch = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            long seed = seedBase + i;
            batch.add(switch (this) {
                case CPU -> new CpuTask(seed, Math.toIntExact(sizes[i]));
                case SLEEP -> new SleepTask(seed, sizes[i]);
                case IO -> new IoTask(seed, Math.toIntExact(sizes[i]), settings.ioBytes(), server);
                case MIXED -> new MixedTask(seed, Math.toIntExact(sizes[i]),
                        Math.max(1, settings.mixedCpuUnits() / Math.max(1, settings.ioRoundTrips())),
                        settings.ioBytes(), server);
            });
        }
        return List.copyOf(batch);
    }

    /** The size of this workload's average task, in the unit a spread scales (see {@link #batch}). */
    long meanSize(WorkloadSettings settings) {
        return switch (this) {
            case CPU -> settings.cpuUnits();
            case SLEEP -> settings.sleepMicros();
            case IO, MIXED -> settings.ioRoundTrips();
        };
    }

    /** Parses a workload name, case-insensitively; the error lists the valid names. */
    public static Workload parse(String name) {
        return EnumNames.parse(Workload.class, name, "workload");
    }
}
