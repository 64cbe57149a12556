package org.concurrencybench.eventloop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.concurrencybench.workload.CpuKernel;
import org.concurrencybench.workload.EchoPayload;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.MixedTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;

/**
 * The suite's tasks written as asyncio coroutines would be, as chains of callbacks on one
 * {@link EventLoop}: where the blocking version of a task waits, this one sets a timer or watches
 * a socket and carries on in the callback.
 *
 * <ul>
 *   <li>{@link SleepTask}: {@code await asyncio.sleep(t)}, a timer on the loop.</li>
 *   <li>{@link IoTask}: {@code sock_connect}, then per round trip {@code sock_sendall} and
 *       {@code sock_recv_into} until the whole echo is in, then close ({@link EchoChannel}).</li>
 *   <li>{@link MixedTask}: the same connection, with the CPU step of each round trip computed on the
 *       loop thread in the callback that resumes the task, as a coroutine computes between awaits.</li>
 *   <li>{@code CpuTask} and any other {@link Task}: {@code task.run(ExecutionHooks.NONE)} in one
 *       callback on the loop thread. It has no await, so it holds the loop until it returns; a
 *       task that blocks (sleeps, reads a blocking socket) inside {@code run} blocks the whole loop.
 *       That is asyncio's behaviour, and the reason the CPU workload shows no speedup here.</li>
 * </ul>
 *
 * Checksums are computed exactly as the tasks' own {@code run} methods compute them, so they equal
 * {@code SEQUENTIAL}'s. Used on the loop thread only.
 */
public final class LoopTasks {

    private final EventLoop loop;
    private final IoCounters counters;

    public LoopTasks(EventLoop loop, IoCounters counters) {
        this.loop = loop;
        this.counters = counters;
    }

    /**
     * Runs the first step of {@code task} (asyncio's {@code Task.__step}) and arranges the rest;
     * {@code result} is completed with the checksum or the task's exception. A result already done
     * (the batch was cancelled) is left alone and the task not started.
     */
    public void start(Task task, CompletableFuture<Long> result) {
        if (result.isDone()) {
            return;
        }
        try {
            switch (task) {
                case SleepTask sleep -> loop.callLater(sleep.micros() * 1_000L,
                        () -> result.complete(SleepTask.checksum(sleep.seed())));
                case IoTask io -> new EchoSession(io.seed(), io.server(), io.bytes(), io.roundTrips(), 0, result)
                        .start();
                case MixedTask mixed -> new EchoSession(mixed.seed(), mixed.server(), mixed.bytes(), mixed.steps(),
                        mixed.cpuUnitsPerStep(), result).start();
                default -> result.complete(task.run(ExecutionHooks.NONE));
            }
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    /** The exception a failed future carries, without {@code CompletableFuture}'s wrapping. */
    public static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /**
     * One I/O or mixed task: connect, then {@code steps} times (CPU work, then a round trip), then
     * close. {@code IoTask} is the case with no CPU work; its checksum chain is then the same.
     */
    private final class EchoSession {
        private final long seed;
        private final InetSocketAddress server;
        private final int bytes;
        private final int steps;
        private final int cpuUnitsPerStep;
        private final CompletableFuture<Long> result;
        private EchoChannel channel;

        EchoSession(long seed, InetSocketAddress server, int bytes, int steps, int cpuUnitsPerStep,
                    CompletableFuture<Long> result) {
            this.seed = seed;
            this.server = server;
            this.bytes = bytes;
            this.steps = steps;
            this.cpuUnitsPerStep = cpuUnitsPerStep;
            this.result = result;
        }

        void start() throws IOException {
            channel = EchoChannel.open(loop, server, bytes, counters);
            // However the task ends (done, failed, cancelled), its socket is closed on the loop thread.
            result.whenComplete((checksum, failure) -> channel.close());
            channel.connect().whenComplete((connected, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    step(0, EchoPayload.initial(seed));
                }
            });
        }

        /**
         * Runs steps from {@code step} on. A round trip that finished at once is followed in this
         * loop rather than in a nested callback, so a fast server never deepens the stack.
         */
        private void step(int step, long checksum) {
            long current = checksum;
            for (int s = step; ; s++) {
                if (result.isDone()) {
                    return; // cancelled
                }
                if (s == steps) {
                    result.complete(current);
                    return;
                }
                long afterCpu = CpuKernel.run(current, cpuUnitsPerStep, ExecutionHooks.NONE);
                CompletableFuture<Long> echoed = channel.roundTrip(seed, s, afterCpu);
                if (!echoed.isDone()) {
                    int next = s + 1;
                    echoed.whenComplete((c, failure) -> {
                        if (failure != null) {
                            result.completeExceptionally(unwrap(failure));
                        } else {
                            step(next, c);
                        }
                    });
                    return;
                }
                if (echoed.isCompletedExceptionally()) {
                    result.completeExceptionally(failureOf(echoed));
                    return;
                }
                current = echoed.join();
            }
        }
    }

    /** The exception of a future that completed exceptionally. */
    public static Throwable failureOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalArgumentException("the future did not fail");
        } catch (CompletionException e) {
            return unwrap(e);
        } catch (CancellationException e) {
            return e;
        }
    }
}
