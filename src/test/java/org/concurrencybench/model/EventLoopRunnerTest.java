package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.IoTask;
import org.concurrencybench.workload.SleepTask;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The EVENT_LOOP model: checksums, the one thread, failures, partial and failed I/O, close. */
class EventLoopRunnerTest {

    /** Small tasks: enough to exercise every path, quick on a shared machine. */
    private static final WorkloadSettings SMALL = new WorkloadSettings(20, 2_000, 3, 256, 40);

    @ParameterizedTest
    @EnumSource(value = Workload.class, mode = EnumSource.Mode.EXCLUDE, names = "USER")
    void checksumsEqualSequentialsForEveryWorkload(Workload workload) throws IOException {
        try (EchoServer server = EchoServer.start();
             ModelRunner sequential = Model.SEQUENTIAL.newRunner(RunnerSettings.withParallelism(0));
             ModelRunner eventLoop = Model.EVENT_LOOP.newRunner(RunnerSettings.withParallelism(0))) {
            List<Task> batch = workload.batch(16, SMALL, 42, server.address());
            long expected = sequential.runBatch(batch);
            assertEquals(expected, eventLoop.runBatch(batch));
            assertEquals(expected, eventLoop.runBatch(batch), "second batch on the same loop");
        }
    }

    @Test
    void allTaskWorkRunsOnTheOneLoopThread() throws IOException {
        Set<Thread> callbackThreads = ConcurrentHashMap.newKeySet();
        Set<Thread> taskThreads = ConcurrentHashMap.newKeySet();
        try (EchoServer server = EchoServer.start();
             EventLoopRunner runner = new EventLoopRunner(() -> callbackThreads.add(Thread.currentThread()))) {
            List<Task> batch = new ArrayList<>();
            for (Workload w : Workload.BUILT_IN) {
                batch.addAll(w.batch(4, SMALL, 7, server.address()));
            }
            batch.add(hooks -> {
                taskThreads.add(Thread.currentThread());
                return 1;
            });
            runner.runBatch(batch);
            Thread loopThread = runner.loop().thread();
            assertEquals(Set.of(loopThread), callbackThreads, "callbacks ran on other threads");
            assertEquals(Set.of(loopThread), taskThreads, "a plain task ran off the loop");
            assertTrue(runner.loop().callbacksRun() > batch.size(), "the I/O and timers ran as callbacks");
        }
    }

    @Test
    void aThrowingTaskFailsTheBatchWithItsCauseAfterTheOthersAndTheLoopStaysUsable() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger othersRun = new AtomicInteger();
        List<Task> failing = List.of(
                new SleepTask(1, 1_000),
                hooks -> {
                    throw boom;
                },
                hooks -> othersRun.incrementAndGet(),
                new SleepTask(2, 5_000),
                hooks -> othersRun.incrementAndGet());
        try (EventLoopRunner runner = new EventLoopRunner()) {
            BatchFailedException failure = assertThrows(BatchFailedException.class, () -> runner.runBatch(failing));
            assertSame(boom, failure.getCause());
            assertTrue(failure.getMessage().contains("task 1 of 5"), failure.getMessage());
            assertEquals(2, othersRun.get(), "the other tasks ran");

            List<Task> next = List.of(new SleepTask(3, 1_000), hooks -> 5);
            assertEquals(SleepTask.checksum(3) + 5, runner.runBatch(next));
        }
    }

    @Test
    void repliesThatArriveInPiecesGiveSequentialsChecksum() throws IOException {
        // Replies written in 512-byte pieces, each flushed: a 64 KiB reply arrives over many reads.
        // (Requests that go out in parts are tested on EchoChannel, with a small send buffer.)
        try (EchoServer server = EchoServer.start(new EchoServer.Options(Duration.ZERO, 512));
             ModelRunner sequential = Model.SEQUENTIAL.newRunner(RunnerSettings.withParallelism(0));
             EventLoopRunner runner = new EventLoopRunner()) {
            List<Task> batch = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                batch.add(new IoTask(100 + i, 2, 64 * 1024, server.address()));
            }
            assertEquals(sequential.runBatch(batch), runner.runBatch(batch));
            assertTrue(runner.ioCounters().partialReads() > 0, "no reply came in parts");
        }
    }

    @Test
    void aRefusedConnectionFailsTheBatchNamingTheServer() throws IOException {
        InetSocketAddress closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
        }
        try (EventLoopRunner runner = new EventLoopRunner()) {
            BatchFailedException failure = assertThrows(BatchFailedException.class,
                    () -> runner.runBatch(List.of(new IoTask(1, 1, 64, closedPort))));
            ConnectException cause = assertInstanceOf(ConnectException.class, failure.getCause());
            assertTrue(cause.getMessage().contains(closedPort.toString()), cause.getMessage());
            assertTrue(cause.getMessage().toLowerCase(Locale.ROOT).contains("refused"), cause.getMessage());
            assertEquals(SleepTask.checksum(9), runner.runBatch(List.of(new SleepTask(9, 100))));
        }
    }

    @Test
    void aResetConnectionFailsTheBatchNamingTheServer() throws Exception {
        try (ServerSocket resetter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             EventLoopRunner runner = new EventLoopRunner()) {
            InetSocketAddress address = new InetSocketAddress(resetter.getInetAddress(), resetter.getLocalPort());
            Thread server = Thread.ofPlatform().start(() -> resetAfterFirstRequest(resetter));
            BatchFailedException failure = assertThrows(BatchFailedException.class,
                    () -> runner.runBatch(List.of(new IoTask(1, 3, 64, address))));
            IOException cause = assertInstanceOf(IOException.class, failure.getCause());
            assertTrue(cause.getMessage().contains("echo server " + address), cause.getMessage());
            assertTrue(cause.getMessage().toLowerCase(Locale.ROOT).contains("reset"), cause.getMessage());
            server.join(Duration.ofSeconds(10));
            assertEquals(SleepTask.checksum(9), runner.runBatch(List.of(new SleepTask(9, 100))));
        }
    }

    /** Accepts one connection, reads the first request, and closes with SO_LINGER 0: a TCP reset. */
    private static void resetAfterFirstRequest(ServerSocket serverSocket) {
        try (Socket socket = serverSocket.accept()) {
            InputStream in = socket.getInputStream();
            in.readNBytes(64);
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // the test sees the outcome on the client side
        }
    }

    @Test
    void closeEndsTheLoopThreadAndClosesTheSelector() {
        EventLoopRunner runner = new EventLoopRunner();
        runner.runBatch(List.of(new SleepTask(1, 100)));
        runner.close();
        assertFalse(runner.loop().thread().isAlive(), "loop thread still alive");
        assertFalse(runner.loop().isSelectorOpen(), "selector still open");
        runner.close(); // idempotent
    }

    @Test
    void closeDuringABatchReleasesTheWaitingCaller() throws Exception {
        EventLoopRunner runner = new EventLoopRunner();
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                runner.runBatch(List.of(new SleepTask(1, 600_000_000L)));
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        while (runner.loop().callbacksRun() < 2) { // the hand-over and the task's first step
            Thread.sleep(1);
        }
        runner.close();
        caller.join(Duration.ofSeconds(10));
        assertFalse(caller.isAlive(), "the caller is still waiting for a closed loop");
        BatchFailedException failure = assertInstanceOf(BatchFailedException.class, outcome.get());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
    }
}
