package org.concurrencybench.eventloop;

import java.util.Comparator;

/**
 * A timer set by {@link EventLoop#callLater}; {@link #cancel()} stops it from firing (asyncio's
 * {@code TimerHandle}). The loop keeps its timers in a queue by deadline, then by the order they
 * were set, so timers due together fire in that order.
 */
public final class Timer {
    static final Comparator<Timer> BY_DEADLINE_THEN_ORDER =
            Comparator.comparingLong((Timer t) -> t.deadlineNanos).thenComparingLong(t -> t.sequence);

    final long deadlineNanos;
    private final long sequence;
    final Runnable callback;
    boolean cancelled;

    Timer(long deadlineNanos, long sequence, Runnable callback) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.callback = callback;
    }

    /** Stops the timer; it is dropped when it reaches the head of the queue. Loop thread only. */
    public void cancel() {
        cancelled = true;
    }
}
