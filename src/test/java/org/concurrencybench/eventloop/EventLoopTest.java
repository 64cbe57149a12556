package org.concurrencybench.eventloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.workload.EchoServer;
import org.junit.jupiter.api.Test;

/** The loop itself: timer order, the one thread, a throwing callback, the off-loop checks, close. */
class EventLoopTest {

    private static final long MS = 1_000_000L;

    /** A timer that fired: which, how long after it was set, and what delay it asked for. */
    private record Fired(int id, long afterNanos, long delayNanos) {
    }

    @Test
    void timersFireInDeadlineOrderTiesInSettingOrderAndNeverEarly() throws Exception {
        long[] delaysMs = {30, 10, 20, 10, 0, 20, 5};
        try (EventLoop loop = new EventLoop("timer-test")) {
            List<Fired> fired = new ArrayList<>();
            CompletableFuture<List<Fired>> allFired = new CompletableFuture<>();
            loop.execute(() -> {
                for (int i = 0; i < delaysMs.length; i++) {
                    int id = i;
                    long delay = delaysMs[i] * MS;
                    long setAt = System.nanoTime();
                    loop.callLater(delay, () -> {
                        fired.add(new Fired(id, System.nanoTime() - setAt, delay));
                        if (fired.size() == delaysMs.length) {
                            allFired.complete(fired);
                        }
                    });
                }
                loop.callLater(1 * MS, () -> fired.add(new Fired(-1, 0, 0))).cancel();
            });
            List<Fired> result = allFired.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(4, 6, 1, 3, 2, 5, 0), result.stream().map(Fired::id).toList(),
                    "deadline order, equal deadlines in the order set, the cancelled timer never");
            for (Fired f : result) {
                assertTrue(f.afterNanos() >= f.delayNanos(), "timer " + f.id() + " fired early: " + f);
            }
        }
    }

    @Test
    void everyCallbackRunsOnTheLoopThread() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        EventLoop loop = new EventLoop("thread-test", () -> threads.add(Thread.currentThread()));
        CompletableFuture<Thread> timerThread = new CompletableFuture<>();
        loop.execute(() -> loop.callSoon(() -> loop.callLater(MS, () -> timerThread.complete(Thread.currentThread()))));
        assertEquals(loop.thread(), timerThread.get(10, TimeUnit.SECONDS));
        loop.close(); // after the join the counters are final
        assertEquals(Set.of(loop.thread()), threads);
        assertEquals(3, loop.callbacksRun(), "handed-in, soon and timer callbacks");
    }

    @Test
    void aThrowingCallbackIsCountedAndTheLoopGoesOn() throws Exception {
        try (EventLoop loop = new EventLoop("throw-test")) {
            loop.execute(() -> {
                throw new IllegalStateException("a bug in a callback");
            });
            CompletableFuture<String> after = new CompletableFuture<>();
            loop.execute(() -> after.complete("still running"));
            assertEquals("still running", after.get(10, TimeUnit.SECONDS));
            assertEquals(1, loop.callbacksFailed());
        }
    }

    @Test
    void loopStateCanOnlyBeTouchedFromTheLoopThread() throws Exception {
        try (EventLoop loop = new EventLoop("guard-test"); SocketChannel channel = SocketChannel.open()) {
            channel.configureBlocking(false);
            assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
            assertThrows(IllegalStateException.class, () -> loop.callLater(MS, () -> { }));
            assertThrows(IllegalStateException.class, () -> loop.watch(channel, SelectionKey.OP_READ, () -> { }));
            assertThrows(IllegalStateException.class, () -> loop.unwatch(channel, SelectionKey.OP_READ));
        }
    }

    @Test
    void closeEndsTheThreadAndClosesTheSelectorAndEveryWatchedChannel() throws Exception {
        EventLoop loop = new EventLoop("close-test");
        try (EchoServer server = EchoServer.start()) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET);
            channel.connect(server.address());
            channel.configureBlocking(false);
            CompletableFuture<Void> watching = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    loop.watch(channel, SelectionKey.OP_READ, () -> { });
                    watching.complete(null);
                } catch (Exception e) {
                    watching.completeExceptionally(e);
                }
            });
            watching.get(10, TimeUnit.SECONDS);
            loop.close();
            assertFalse(loop.thread().isAlive(), "loop thread still alive");
            assertFalse(loop.isSelectorOpen(), "selector still open");
            assertFalse(channel.isOpen(), "watched channel still open");
            assertThrows(IllegalStateException.class, () -> loop.execute(() -> { }));
            loop.close(); // idempotent
        }
    }
}
