package org.concurrencybench.model;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.concurrencybench.eventloop.EventLoop;
import org.concurrencybench.eventloop.IoCounters;
import org.concurrencybench.eventloop.LoopTasks;
import org.concurrencybench.workload.Task;

/**
 * {@link Model#EVENT_LOOP}: Python's {@code asyncio.gather(*tasks)} on one event loop thread.
 * Every task of the batch is started by a callback on the loop and runs as a chain of callbacks
 * ({@link LoopTasks}); the caller only waits for the batch. No other thread does task work: sleeps
 * and socket waits overlap for free, CPU work runs one task at a time and blocks the loop.
 *
 * <p>The loop thread is started with the runner (outside the measured batch) and serves every
 * batch. A task that fails completes its own future with its exception; the batch waits for all
 * the others, then throws {@link BatchFailedException} for the first failure in task order, and
 * the loop goes on serving the next batch.
 */
final class EventLoopRunner implements ModelRunner {

    private final EventLoop loop;
    private final IoCounters ioCounters = new IoCounters();
    private final LoopTasks loopTasks;
    /** The running batch's results, so that {@link #close()} can release a caller still waiting. */
    private volatile CompletableFuture<Long>[] running;

    EventLoopRunner() {
        this(EventLoop.CallbackObserver.NONE);
    }

    /** A runner whose loop shows every callback to {@code observer} (tests check the thread). */
    EventLoopRunner(EventLoop.CallbackObserver observer) {
        this.loop = new EventLoop("event-loop", observer);
        this.loopTasks = new LoopTasks(loop, ioCounters);
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        int size = batch.size();
        if (size == 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<Long>[] results = new CompletableFuture[size];
        for (int i = 0; i < size; i++) {
            results[i] = new CompletableFuture<>();
        }
        running = results;
        try {
            // One hand-over to the loop; there each task's first step is queued, as gather() does.
            loop.execute(() -> {
                for (int i = 0; i < size; i++) {
                    Task task = batch.get(i);
                    CompletableFuture<Long> result = results[i];
                    loop.callSoon(() -> loopTasks.start(task, result));
                }
            });
            awaitAll(results);
        } finally {
            running = null;
        }
        return sumOrThrowFirstFailure(results);
    }

    /** Waits until every task is done; an interrupt cancels the unfinished ones on the loop and is kept. */
    private void awaitAll(CompletableFuture<Long>[] results) {
        CompletableFuture<Void> all = CompletableFuture.allOf(results);
        try {
            // If the loop itself dies, its unfinished tasks would never complete: stop waiting then.
            CompletableFuture.anyOf(all, loop.ended()).get();
            if (!all.isDone()) {
                Throwable why = loop.ended().isCompletedExceptionally() ? LoopTasks.failureOf(loop.ended()) : null;
                IllegalStateException died = new IllegalStateException("the event loop ended during the batch", why);
                for (CompletableFuture<Long> result : results) {
                    result.completeExceptionally(died);
                }
            }
        } catch (ExecutionException e) {
            // A task failed; allOf completes only once every task is done, so the batch is over.
        } catch (InterruptedException e) {
            loop.execute(() -> {
                for (CompletableFuture<Long> result : results) {
                    result.cancel(false);
                }
            });
            all.exceptionally(failure -> null).join();
            Thread.currentThread().interrupt();
        }
    }

    private static long sumOrThrowFirstFailure(CompletableFuture<Long>[] results) {
        long sum = 0;
        for (int i = 0; i < results.length; i++) {
            if (results[i].isCompletedExceptionally()) {
                Throwable cause = LoopTasks.failureOf(results[i]);
                throw new BatchFailedException(
                        BatchFailedException.describe(Model.EVENT_LOOP, i, results.length, cause), cause);
            }
            sum += results[i].join();
        }
        return sum;
    }

    /** The loop (tests check its thread and selector). */
    EventLoop loop() {
        return loop;
    }

    /** Partial reads and writes seen so far (tests check that they happened). */
    IoCounters ioCounters() {
        return ioCounters;
    }

    /** Ends the loop (closing its selector and every socket) and fails a batch still waiting. */
    @Override
    public void close() {
        loop.close();
        CompletableFuture<Long>[] unfinished = running;
        if (unfinished != null) {
            IllegalStateException closed = new IllegalStateException("the EVENT_LOOP runner was closed during the batch");
            for (CompletableFuture<Long> result : unfinished) {
                result.completeExceptionally(closed);
            }
        }
    }
}
