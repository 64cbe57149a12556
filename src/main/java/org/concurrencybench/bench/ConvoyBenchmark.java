package org.concurrencybench.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.gil.ConvoyScenario;
import org.concurrencybench.gil.GilCounters;
import org.concurrencybench.gil.GilFlavour;
import org.concurrencybench.gil.GlobalInterpreterLock;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.WorkloadSettings;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The convoy effect, Python bug 7946 ("Convoy effect with I/O bound threads and New GIL",
 * David Beazley, 2010): under CPython's GIL, a thread doing I/O beside one CPU-bound thread on a
 * multicore machine makes far fewer round trips than alone. Each time the I/O thread comes back
 * from a blocking send or receive, the CPU-bound thread holds the lock and gives it up only
 * when asked, one whole switch interval (5 ms by default) later; a shorter interval softens it.
 * Free threads ({@code THREAD_PER_TASK}) do not suffer it: the OS shares the cores.
 *
 * <p>One invocation is one echo round trip (send {@code ioBytes} bytes, read them all back) by
 * the measured thread on a persistent loopback connection to a server that answers after
 * {@code replyDelayMicros}; the score is round trips per second.
 * Beside it, {@code cpuThreads} platform threads run the CPU kernel for the whole trial, under the
 * simulated GIL ({@code GLOBAL_LOCK}) or free ({@code THREAD_PER_TASK}). Included: the round
 * trip and, under the lock, the waits to take the lock back after the send and after each read.
 * Excluded: starting the echo server, the connection and the CPU threads (once per trial), and
 * taking the lock at the start of each iteration (the measured thread then holds it between its
 * calls, as a running Python thread does). The secondary metrics ({@link LockActivity}) count,
 * per iteration, what the lock did.
 *
 * <p>JMH runs the {@code @Setup}/{@code @TearDown} methods on the measured thread: the iteration
 * tear-down releases the lock before the trial tear-down stops and joins the CPU threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConvoyBenchmark extends SuiteBenchmark {

    /** {@code GLOBAL_LOCK} (the simulated GIL) or {@code THREAD_PER_TASK} (free threads); no other model. */
    @Param({"GLOBAL_LOCK", "THREAD_PER_TASK"})
    public Model model;

    /** CPU-bound threads beside the I/O thread. */
    @Param({"0", "1", "2"})
    public int cpuThreads;

    /** The simulated GIL's switch interval, microseconds (CPython: 5000). Read by GLOBAL_LOCK only. */
    @Param({"" + BenchmarkDefaults.CPYTHON_SWITCH_INTERVAL_MICROS, "1000", "100"})
    public long switchIntervalMicros;

    @Param("MODERN")
    public GilFlavour gilFlavour;

    /** Bytes per request and per reply. */
    @Param("" + WorkloadSettings.DEFAULT_IO_BYTES)
    public int ioBytes;

    /**
     * How long the echo server waits before each reply, microseconds: the latency of the service
     * the I/O thread talks to. With none, a loopback reply can come back before the woken CPU
     * thread has taken the lock, and whether the convoy shows becomes a race of wake-up latencies;
     * a real network's reply takes longer than a thread's wake-up, as this models.
     */
    @Param("50")
    public long replyDelayMicros;

    /** Decides the bytes sent; a non-final field so the JIT cannot treat it as a constant. */
    public long seed = System.nanoTime();

    private ConvoyScenario scenario;
    private GilCounters atIterationStart = GilCounters.ZERO;

    @Setup(Level.Trial)
    public void startScenario() throws Exception {
        GlobalInterpreterLock lock = switch (model) {
            case GLOBAL_LOCK -> new GlobalInterpreterLock(Duration.ofNanos(switchIntervalMicros * 1000), gilFlavour);
            case THREAD_PER_TASK -> null;
            default -> throw new IllegalArgumentException("the convoy scenario runs under GLOBAL_LOCK or "
                    + "THREAD_PER_TASK only, not " + model);
        };
        scenario = ConvoyScenario.start(lock, cpuThreads, ioBytes, Duration.ofNanos(replyDelayMicros * 1000), seed);
    }

    @Setup(Level.Iteration)
    public void enterInterpreter() {
        scenario.enter();
        atIterationStart = scenario.lockCounters();
    }

    @Benchmark
    public long roundTrip() throws Exception {
        return scenario.roundTrip();
    }

    @TearDown(Level.Iteration)
    public void leaveInterpreter(LockActivity activity) {
        activity.record(scenario.lockCounters().minus(atIterationStart));
        scenario.exit();
    }

    @TearDown(Level.Trial)
    public void stopScenario() throws Exception {
        if (scenario != null) {
            scenario.close();
        }
    }

    /**
     * What the lock did during one iteration, reported by JMH as secondary metrics (totals per
     * iteration; all zero under {@code THREAD_PER_TASK}).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class LockActivity {
        /** Takes of the lock by another thread than the last holder. */
        public long gilSwitches;
        /** Times a waiter asked the holder to drop the lock. */
        public long gilDropRequests;
        /** Milliseconds all threads together spent waiting for the lock. */
        public double gilWaitMillis;

        void record(GilCounters delta) {
            gilSwitches = delta.switches();
            gilDropRequests = delta.dropRequests();
            gilWaitMillis = delta.waitNanos() / 1e6;
        }
    }
}
