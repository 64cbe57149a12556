package org.concurrencybench.model;

import java.util.Comparator;
import java.util.List;
import org.concurrencybench.workload.ContendedTask;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.MemoryTask;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.MixedTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;

/**
 * The order a batch's tasks are submitted in (the JMH param {@code order}). It matters to the
 * models that take a queue ({@code FIXED_POOL}, {@code GLOBAL_LOCK}, {@code PROCESS_POOL}, whose
 * chunks are cut after ordering): with a heavy tail, a large task that starts last keeps one worker
 * busy after the others ran out of work. Submitting the largest first, the classic fix
 * (longest-processing-time-first scheduling), lets the small ones fill in around it.
 */
public enum SubmissionOrder {
    /** As the batch was generated: task {@code i} is the {@code i}-th submitted. */
    AS_GENERATED,
    /** Largest task first; tasks of equal size keep their generated order. */
    LARGEST_FIRST;

    /** The batch in this order: the same task objects, each once. */
    public <T extends Task> List<T> arrange(List<T> batch) {
        if (this == AS_GENERATED) {
            return batch;
        }
        // List.sort is stable: equal sizes keep their order.
        List<T> sorted = new java.util.ArrayList<>(batch);
        sorted.sort(Comparator.comparingLong(SubmissionOrder::work).reversed());
        return List.copyOf(sorted);
    }

    /** A task's size in its own workload's unit: CPU units, microseconds asleep, round trips, mixed steps, KiB streamed, contended units. */
    static long work(Task task) {
        return switch (task) {
            case CpuTask t -> t.units();
            case SleepTask t -> t.micros();
            case IoTask t -> t.roundTrips();
            case MixedTask t -> (long) t.steps() * (t.cpuUnitsPerStep() + 1);
            case MemoryTask t -> t.kib();
            case ContendedTask t -> t.units();
            default -> throw new IllegalArgumentException(
                    "LARGEST_FIRST orders the suite's task records by size; it cannot size " + task.getClass().getName());
        };
    }

    /** Parses an order name, case-insensitively; the error lists the valid names. */
    public static SubmissionOrder parse(String name) {
        return org.concurrencybench.workload.EnumNames.parse(SubmissionOrder.class, name, "order");
    }
}
