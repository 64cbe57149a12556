package org.concurrencybench.gil;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.concurrencybench.workload.CpuKernel;
import org.concurrencybench.workload.EchoConnection;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.ExecutionHooks;

/**
 * The convoy scenario of Python bug 7946, outside JMH so tests can drive it: one thread makes
 * echo round trips on a persistent loopback connection while {@code cpuThreads} threads run the
 * CPU kernel without end, either all under one {@link GlobalInterpreterLock} or free.
 *
 * <p>Under the lock the I/O thread behaves like a Python loop doing {@code sock.sendall();
 * sock.recv()}: it holds the lock between its calls ({@link #enter()} / {@link #exit()}) and
 * releases it only around the blocking send and reads. Each time it comes back from one, a
 * CPU-bound thread has the lock and drops it only when asked, a whole switch interval later.
 * Without a lock ({@code lock == null}) the same threads run free: the operating system shares
 * the cores and the I/O thread barely notices the CPU threads.
 *
 * <p>Who calls what: the I/O thread calls {@link #enter()}, then {@link #roundTrip()} any number
 * of times, then {@link #exit()}; it may enter again later. {@link #close()} stops and joins every
 * CPU thread and closes the connection and the server; call it from a thread outside the lock
 * (it releases the lock first if its caller holds it).
 */
public final class ConvoyScenario implements AutoCloseable {

    /** Kernel units between two looks at the stop flag; check points stay between every unit. */
    private static final int CPU_UNITS_PER_LOOP = 64;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final GlobalInterpreterLock lock;
    private final ExecutionHooks hooks;
    private final EchoServer server;
    private final EchoConnection connection;
    private final List<Thread> cpuThreads = new ArrayList<>();
    private final AtomicReference<Throwable> cpuFailure = new AtomicReference<>();
    /** Counted down by each CPU thread once it has run the kernel (under the lock, if any). */
    private final CountDownLatch cpuThreadsRunning;
    private volatile boolean stopping;
    /** Where the CPU threads' results go, so the JIT cannot drop their work. */
    private volatile long cpuSink;
    private final long seed;
    private int roundTrips;
    private long checksum;
    private boolean closed;

    private ConvoyScenario(GlobalInterpreterLock lock, EchoServer server, EchoConnection connection, long seed,
            int cpuThreads) {
        this.lock = lock;
        this.cpuThreadsRunning = new CountDownLatch(cpuThreads);
        this.hooks = lock == null ? ExecutionHooks.NONE : lock.hooks();
        this.server = server;
        this.connection = connection;
        this.seed = seed;
        this.checksum = seed;
    }

    /**
     * Starts the echo server, opens the I/O thread's connection and starts the CPU threads; returns
     * once every CPU thread has run (under the lock, each has had it at least once).
     *
     * @param lock       the simulated GIL every thread runs under; null for free threads
     * @param cpuThreads CPU-bound threads beside the I/O thread (0: the I/O thread alone)
     * @param bytes      size of each request and reply
     * @param replyDelay how long the echo server waits before each reply (a service's latency)
     * @param seed       decides the bytes sent and the CPU kernel's start
     */
    public static ConvoyScenario start(GlobalInterpreterLock lock, int cpuThreads, int bytes, Duration replyDelay,
                                       long seed) throws Exception {
        if (cpuThreads < 0) {
            throw new IllegalArgumentException("cpuThreads must be >= 0, got " + cpuThreads);
        }
        EchoServer server = EchoServer.start(new EchoServer.Options(replyDelay, 0));
        ConvoyScenario scenario;
        try {
            // Opened before any CPU thread runs, so the connect does not wait for the lock.
            EchoConnection connection = EchoConnection.open(server.address(), bytes, ExecutionHooks.NONE);
            scenario = new ConvoyScenario(lock, server, connection, seed, cpuThreads);
        } catch (Exception e) {
            server.close();
            throw e;
        }
        for (int i = 0; i < cpuThreads; i++) {
            long threadSeed = seed + i + 1;
            scenario.cpuThreads.add(Thread.ofPlatform().name("convoy-cpu-" + i)
                    .start(() -> scenario.spin(threadSeed)));
        }
        if (!scenario.cpuThreadsRunning.await(JOIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            scenario.close();
            throw new IllegalStateException("convoy CPU threads not running " + JOIN_TIMEOUT + " after start");
        }
        return scenario;
    }

    /** A CPU thread's life: run the kernel, holding the lock if there is one, until stopped. */
    private void spin(long threadSeed) {
        try {
            if (lock == null) {
                spinUntilStopped(threadSeed, ExecutionHooks.NONE);
            } else {
                lock.runLocked(lockHooks -> spinUntilStopped(threadSeed, lockHooks));
            }
        } catch (Throwable t) {
            cpuFailure.compareAndSet(null, t);
            cpuThreadsRunning.countDown();
        }
    }

    private long spinUntilStopped(long threadSeed, ExecutionHooks cpuHooks) {
        long state = CpuKernel.run(threadSeed, 1, cpuHooks);
        cpuThreadsRunning.countDown();
        while (!stopping) {
            state = CpuKernel.run(state, CPU_UNITS_PER_LOOP, cpuHooks);
        }
        cpuSink = state;
        return state;
    }

    /** The calling thread becomes the I/O thread: it takes the lock, as a running Python thread holds it. */
    public void enter() {
        if (lock != null) {
            lock.acquire();
        }
    }

    /** The I/O thread leaves: it releases the lock, so the CPU threads (and {@link #close()}) can run. */
    public void exit() {
        if (lock != null && lock.isHeldByCurrentThread()) {
            lock.release();
        }
    }

    /**
     * One echo round trip by the I/O thread, which must have {@link #enter() entered}; the send and
     * each read release and re-take the lock.
     *
     * @return a checksum over every reply so far
     */
    public long roundTrip() throws Exception {
        checksum = connection.roundTrip(seed, roundTrips++, checksum, hooks);
        return checksum;
    }

    /** The lock's counters so far; {@link GilCounters#ZERO} when the threads run free. */
    public GilCounters lockCounters() {
        return lock == null ? GilCounters.ZERO : lock.counters();
    }

    /** CPU threads still alive: after {@link #close()}, none. */
    public long liveCpuThreads() {
        return cpuThreads.stream().filter(Thread::isAlive).count();
    }

    /**
     * Stops and joins every CPU thread, then closes the connection and the server.
     *
     * @throws IllegalStateException if a CPU thread failed or did not end in time
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        exit(); // a CPU thread can only see the stop flag once it gets the lock
        try {
            for (Thread t : cpuThreads) {
                if (!t.join(JOIN_TIMEOUT)) {
                    throw new IllegalStateException(t.getName() + " still running " + JOIN_TIMEOUT + " after stop");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                connection.close();
            } finally {
                server.close();
            }
        }
        Throwable failure = cpuFailure.get();
        if (failure != null) {
            throw new IllegalStateException("a convoy CPU thread failed: " + failure, failure);
        }
    }
}
