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
    MIXED,
    /** Streaming through memory larger than the caches, bound by memory bandwidth: {@link MemoryTask}. */
    MEMORY,
    /** CPU work with an update of shared state under one lock between chunks: {@link ContendedTask}. */
    CONTENDED,
    /**
     * A user's own class ({@code org.concurrencybench.api.UserTask}), named by the benchmark's
     * {@code task} parameter: its batches come from {@code workload.user.UserTaskCall.batch}, not from here.
     */
    USER;

    /** The suite's own workloads: every constant but {@link #USER}, what "all workloads" means. */
    public static final List<Workload> BUILT_IN = List.of(CPU, SLEEP, IO, MIXED, MEMORY, CONTENDED);

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
     * steps, each of the same CPU work; MEMORY: KiB streamed; CONTENDED: kernel units, each with a locked update). The batch's total is the same for every spread.
     *
     * @param server the echo server's address; only read by workloads that {@link #needsEchoServer()}
     */
    public List<Task> batch(int tasks, WorkloadSettings settings, SizeSpread spread, long sizeSeed, long seedBase,
                            InetSocketAddress server) {
        if (tasks < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 task, got " + tasks);
        }
        if (this == USER) {
            throw new IllegalArgumentException("a USER batch is built from the user's class: UserTaskCall.batch");
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
                case MEMORY -> new MemoryTask(seed, Math.toIntExact(sizes[i]));
                case CONTENDED -> new ContendedTask(seed, Math.toIntExact(sizes[i]));
                case USER -> throw new AssertionError("checked above");
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
            case MEMORY -> settings.memoryKib();
            case CONTENDED -> settings.contendedCpuUnits();
            case USER -> 1;
        };
    }

    /** Parses a workload name, case-insensitively; the error lists the valid names. */
    public static Workload parse(String name) {
        return EnumNames.parse(Workload.class, name, "workload");
    }
}
