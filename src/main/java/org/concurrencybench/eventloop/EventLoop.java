package org.concurrencybench.eventloop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * A single-threaded event loop shaped like Python's {@code asyncio} selector loop
 * ({@code BaseEventLoop._run_once}): one thread owns a {@link Selector}, a queue of timers ordered
 * by deadline, and a queue of ready callbacks, and runs every callback itself, one at a time.
 *
 * <p>Why it exists: it is the {@code EVENT_LOOP} model's engine. Waiting costs nothing here (a
 * timer or a registered channel, no thread), but a callback that computes or blocks stops every
 * other task until it returns, exactly as a coroutine that never {@code await}s does in asyncio.
 *
 * <p>One turn of the loop, as in asyncio: take the callbacks other threads handed in
 * ({@link #execute}, asyncio's {@code call_soon_threadsafe}); wait in {@code select} until the
 * earliest timer is due (not at all if callbacks are ready, indefinitely if there are no timers);
 * queue the callbacks of the channels that became ready; queue the timers whose deadline has
 * passed, earliest first, ties in the order they were set; then run the callbacks that were ready
 * at that point, in order. Callbacks queued while they run wait for the next turn, so I/O and
 * timers are never starved by a callback that keeps queuing more.
 *
 * <p>Every method except {@link #execute}, {@link #close} and the read-only queries must be
 * called on the loop thread, that is from a callback; they check it and throw
 * {@link IllegalStateException} otherwise, so no state of the loop is ever touched by two threads.
 */
public final class EventLoop implements Executor, AutoCloseable {

    /** Sees every callback the loop runs, on the thread that runs it; tests use it to check threads. */
    @FunctionalInterface
    public interface CallbackObserver {
        CallbackObserver NONE = () -> { };

        void beforeCallback();
    }

    /** The callbacks waiting on one channel: the key's attachment (asyncio keeps a reader and a writer). */
    private static final class ChannelCallbacks {
        Runnable onConnect;
        Runnable onRead;
        Runnable onWrite;
    }

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final Selector selector;
    private final Thread thread;
    private final CallbackObserver observer;
    private final ConcurrentLinkedQueue<Runnable> handedIn = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Timer.BY_DEADLINE_THEN_ORDER);
    private long timersSet;
    private volatile boolean stopping;
    /** Completes when the loop thread has ended, normally or because the loop itself failed. */
    private final java.util.concurrent.CompletableFuture<Void> ended = new java.util.concurrent.CompletableFuture<>();
    private volatile long callbacksRun;
    private volatile long callbacksFailed;

    /** Starts a loop on a new platform thread named {@code name}. */
    public EventLoop(String name, CallbackObserver observer) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
        this.observer = observer;
        this.thread = Thread.ofPlatform().name(name).start(this::runUntilStopped);
    }

    public EventLoop(String name) {
        this(name, CallbackObserver.NONE);
    }

    // ---- from any thread -------------------------------------------------------------------

    /** Queues {@code callback} to run on the loop thread (asyncio's {@code call_soon_threadsafe}). */
    @Override
    public void execute(Runnable callback) {
        if (stopping) {
            throw new IllegalStateException("event loop " + thread.getName() + " is closed");
        }
        if (inLoopThread()) {
            ready.add(callback);
        } else {
            handedIn.add(callback);
            selector.wakeup();
        }
    }

    /** Whether the caller is the loop thread. */
    public boolean inLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** The loop thread (for tests and diagnostics). */
    public Thread thread() {
        return thread;
    }

    /** Whether the selector is still open; false once {@link #close()} has returned. */
    public boolean isSelectorOpen() {
        return selector.isOpen();
    }

    /** Callbacks run so far (ready callbacks, fired timers, channel readiness). */
    public long callbacksRun() {
        return callbacksRun;
    }

    /** Callbacks that threw instead of reporting their failure to a future; each was logged. */
    public long callbacksFailed() {
        return callbacksFailed;
    }

    // ---- loop thread only ------------------------------------------------------------------

    /** Queues {@code callback} for the next turn (asyncio's {@code call_soon}). */
    public void callSoon(Runnable callback) {
        requireLoopThread();
        ready.add(callback);
    }

    /**
     * Runs {@code callback} on the loop no earlier than {@code delayNanos} from now (asyncio's
     * {@code call_later}). Timers with the same deadline fire in the order they were set.
     */
    public Timer callLater(long delayNanos, Runnable callback) {
        requireLoopThread();
        if (delayNanos < 0) {
            throw new IllegalArgumentException("timer delay must be >= 0 ns, got " + delayNanos);
        }
        Timer timer = new Timer(System.nanoTime() + delayNanos, timersSet++, callback);
        timers.add(timer);
        return timer;
    }

    /**
     * Runs {@code callback} on the loop each time {@code channel} is ready for {@code op}
     * ({@link SelectionKey#OP_CONNECT}, {@link SelectionKey#OP_READ} or
     * {@link SelectionKey#OP_WRITE}) until {@link #unwatch}: asyncio's {@code add_reader} /
     * {@code add_writer}. The channel must be non-blocking.
     */
    public void watch(SelectableChannel channel, int op, Runnable callback) throws ClosedChannelException {
        requireLoopThread();
        SelectionKey key = channel.keyFor(selector);
        if (key == null || !key.isValid()) {
            ChannelCallbacks callbacks = new ChannelCallbacks();
            set(callbacks, op, callback);
            channel.register(selector, op, callbacks);
        } else {
            set((ChannelCallbacks) key.attachment(), op, callback);
            key.interestOps(key.interestOps() | op);
        }
    }

    /** Stops watching {@code channel} for {@code op} (asyncio's {@code remove_reader} / {@code remove_writer}). */
    public void unwatch(SelectableChannel channel, int op) {
        requireLoopThread();
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            set((ChannelCallbacks) key.attachment(), op, null);
            key.interestOps(key.interestOps() & ~op);
        }
    }

    private static void set(ChannelCallbacks callbacks, int op, Runnable callback) {
        switch (op) {
            case SelectionKey.OP_CONNECT -> callbacks.onConnect = callback;
            case SelectionKey.OP_READ -> callbacks.onRead = callback;
            case SelectionKey.OP_WRITE -> callbacks.onWrite = callback;
            default -> throw new IllegalArgumentException("watch one of OP_CONNECT, OP_READ, OP_WRITE; got " + op);
        }
    }

    private void requireLoopThread() {
        if (!inLoopThread()) {
            throw new IllegalStateException("called on " + Thread.currentThread().getName()
                    + ", not on the event loop thread " + thread.getName());
        }
    }

    // ---- the loop --------------------------------------------------------------------------

    private void runUntilStopped() {
        Throwable failure = null;
        try {
            while (!stopping) {
                runOnce();
            }
        } catch (Throwable e) { // a failed select, or an Error from a callback: the loop cannot go on
            failure = e;
            System.err.println("event loop " + thread.getName() + " stopped: " + e);
        } finally {
            stopping = true;
            closeChannelsAndSelector();
            if (failure == null) {
                ended.complete(null);
            } else {
                ended.completeExceptionally(failure);
            }
        }
    }

    /** Completes when the loop thread has ended; exceptionally with the cause if the loop failed. */
    public java.util.concurrent.CompletableFuture<Void> ended() {
        return ended;
    }

    /** One turn: see the class comment. */
    private void runOnce() throws IOException {
        for (Runnable r; (r = handedIn.poll()) != null; ) {
            ready.add(r);
        }
        dropCancelledTimersAtHead();
        if (!ready.isEmpty() || stopping) {
            selector.selectNow();
        } else if (timers.isEmpty()) {
            selector.select();
        } else {
            long waitNanos = timers.peek().deadlineNanos - System.nanoTime();
            if (waitNanos <= 0) {
                selector.selectNow();
            } else {
                // select() takes whole milliseconds (0 = forever): round up, as asyncio does for
                // epoll, so a timer is never woken for early; it may fire up to ~1 ms late.
                selector.select(Math.max(1, (waitNanos + 999_999) / 1_000_000));
            }
        }
        queueReadyChannels();
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().deadlineNanos <= now) {
            Timer due = timers.poll();
            if (!due.cancelled) {
                ready.add(due.callback);
            }
        }
        for (int n = ready.size(); n > 0; n--) {
            run(ready.poll());
        }
    }

    private void dropCancelledTimersAtHead() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
    }

    private void queueReadyChannels() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            ChannelCallbacks callbacks = (ChannelCallbacks) key.attachment();
            int readyOps = key.readyOps() & key.interestOps();
            if ((readyOps & SelectionKey.OP_CONNECT) != 0 && callbacks.onConnect != null) {
                ready.add(callbacks.onConnect);
            }
            if ((readyOps & SelectionKey.OP_READ) != 0 && callbacks.onRead != null) {
                ready.add(callbacks.onRead);
            }
            if ((readyOps & SelectionKey.OP_WRITE) != 0 && callbacks.onWrite != null) {
                ready.add(callbacks.onWrite);
            }
        }
    }

    /**
     * Runs one callback. Callbacks report their own failures to the futures they complete; one
     * that throws anyway is logged and the loop goes on (asyncio's default exception handler).
     */
    private void run(Runnable callback) {
        observer.beforeCallback();
        try {
            callback.run();
        } catch (Throwable t) {
            callbacksFailed++;
            System.err.println("event loop " + thread.getName() + ": a callback threw " + t);
        }
        callbacksRun++;
    }

    private void closeChannelsAndSelector() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
        ready.clear();
        timers.clear();
        handedIn.clear();
    }

    /**
     * Stops the loop after its current turn, closes every channel still registered and the
     * selector, and waits for the loop thread to end. Callbacks and timers still queued never run.
     * Idempotent; must not be called from the loop thread.
     */
    @Override
    public void close() {
        if (inLoopThread()) {
            throw new IllegalStateException("an event loop cannot close itself from a callback");
        }
        stopping = true;
        selector.wakeup();
        try {
            thread.join(JOIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("event loop " + thread.getName() + " still running " + JOIN_TIMEOUT
                    + " after close (a callback is blocking it)");
        }
    }
}
