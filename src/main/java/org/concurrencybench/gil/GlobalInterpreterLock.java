package org.concurrencybench.gil;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.concurrencybench.workload.ExecutionHooks;
import org.concurrencybench.workload.Task;

/**
 * A simulated CPython global interpreter lock: one lock that a thread must hold to run task code,
 * handed over between threads by CPython's own algorithm, so that the JVM shows, with numbers,
 * what the GIL does to threads.
 *
 * <p>{@link GilFlavour#MODERN} follows {@code Python/ceval_gil.c} (CPython 3.2+) step by step;
 * the names in comments are CPython's:
 * <ul>
 *   <li>The lock is a {@code locked} flag guarded by a mutex ({@code gil->mutex}) and a condition
 *       ({@code gil->cond}), plus {@code switch_number} and {@code last_holder}.</li>
 *   <li>{@link #acquire()} is {@code take_gil}: if the lock is held, wait on the condition for one
 *       switch interval; if the wait timed out, the lock is still held and {@code switch_number}
 *       has not moved, set the drop request ({@code gil_drop_request}) and wait again.</li>
 *   <li>{@link #checkpoint()} is the eval loop's {@code eval_breaker} check: the holder sees a
 *       drop request only there (between the CPU kernel's units), drops the lock and queues to
 *       take it again.</li>
 *   <li>{@link #release()} is {@code drop_gil}: clear {@code locked}, signal the condition; then,
 *       with {@code FORCE_SWITCHING}, if a drop request is pending and no other thread has taken
 *       the lock yet, clear the request and wait on a second condition ({@code switch_cond})
 *       until {@code last_holder} is another thread. So a thread that drops on request cannot
 *       win the lock straight back on another core.</li>
 * </ul>
 * Blocking calls release the lock before and take it after ({@code Py_BEGIN/END_ALLOW_THREADS}),
 * through the {@link #hooks()}. A thread back from I/O beside a CPU-bound holder so waits up to a
 * whole interval for the lock: the convoy effect of Python bug 7946.
 *
 * <p>{@link GilFlavour#LEGACY} is CPython before 3.2: waiters wait without a timeout and never
 * ask; the holder releases and re-takes the lock every {@link #LEGACY_TICKS_PER_RELEASE} check
 * points ("ticks"), with no forced handover, so on a multicore machine it often wins it back.
 *
 * <p>Taking the lock cannot be interrupted (neither can CPython's): an interrupt that arrives
 * while waiting is kept and the thread's interrupt flag set again once it holds the lock.
 * Counters ({@link #counters()}) record switches, drop requests, forced drops and waiting time.
 */
public final class GlobalInterpreterLock {

    /**
     * CPython's default switch interval ({@code sys.getswitchinterval()}: 0.005 s), in µs: the one
     * place the suite names it (the benchmarks' {@code switchIntervalMicros} default, the runners'
     * default, the sweep's convoy plan).
     */
    public static final long CPYTHON_SWITCH_INTERVAL_MICROS = 5000;

    /** Pre-3.2 CPython's default check interval ({@code sys.setcheckinterval(100)}). */
    public static final int LEGACY_TICKS_PER_RELEASE = 100;

    /** Why a holder drops the lock; each reason has its counter. */
    private enum DropReason { CALL, DROP_REQUEST, TICKS }

    private final GilFlavour flavour;
    private final long intervalNanos;

    private final ReentrantLock mutex = new ReentrantLock();          // gil->mutex
    private final Condition cond = mutex.newCondition();              // gil->cond
    private final ReentrantLock switchMutex = new ReentrantLock();    // gil->switch_mutex
    private final Condition switchCond = switchMutex.newCondition();  // gil->switch_cond

    /** gil->locked; written under {@link #mutex}, volatile so the owner checks can read it. */
    private volatile boolean locked;
    /** The thread holding the lock now, null when free; the same writes as {@link #locked}. */
    private volatile Thread holder;
    /** gil->last_holder; written under {@link #switchMutex}. */
    private volatile Thread lastHolder;
    /** gil_drop_request: read by the holder at every check point, so volatile (CPython: relaxed atomic). */
    private volatile boolean dropRequest;
    /** gil->switch_number; guarded by {@link #mutex}. */
    private long switchNumber;
    /** LEGACY: check points since the last periodic release; touched only by the holder. */
    private int ticks;

    // Counters, guarded by mutex (forcedSwitchWaits by switchMutex).
    private long acquisitions;
    private long contendedAcquisitions;
    private long dropRequests;
    private long forcedDrops;
    private long periodicReleases;
    private long waitNanos;
    private long forcedSwitchWaits;

    private final ExecutionHooks hooks = new ExecutionHooks() {
        @Override
        public void checkpoint() {
            GlobalInterpreterLock.this.checkpoint();
        }

        @Override
        public void beforeBlocking() {
            release();
        }

        @Override
        public void afterBlocking() {
            acquire();
        }
    };

    /**
     * @param switchInterval how long a waiter waits before asking for the lock (MODERN); CPython's
     *                       default is 5 ms; any positive duration, down to microseconds
     * @param flavour        which CPython lock to simulate
     */
    public GlobalInterpreterLock(Duration switchInterval, GilFlavour flavour) {
        if (switchInterval.isNegative() || switchInterval.isZero()) {
            throw new IllegalArgumentException("the switch interval must be positive, got " + switchInterval);
        }
        this.intervalNanos = switchInterval.toNanos();
        this.flavour = flavour;
    }

    public Duration switchInterval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Hooks for task code run by a thread holding this lock: check points and blocking calls hand it over. */
    public ExecutionHooks hooks() {
        return hooks;
    }

    /**
     * Runs {@code task} holding the lock, with this lock's {@link #hooks()}; the lock is released
     * however the task ends, so a failing task never leaves it held.
     */
    public long runLocked(Task task) throws Exception {
        acquire();
        try {
            return task.run(hooks);
        } finally {
            // A task that called beforeBlocking() and then threw no longer holds it.
            if (isHeldByCurrentThread()) {
                release();
            }
        }
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return holder == Thread.currentThread();
    }

    /** Whether some thread holds the lock now. */
    public boolean isLocked() {
        return locked;
    }

    /** CPython's {@code take_gil}: returns once the calling thread holds the lock. */
    public void acquire() {
        Thread me = Thread.currentThread();
        if (holder == me) {
            throw new IllegalStateException(me.getName() + " already holds the global interpreter lock");
        }
        boolean interrupted = false;
        mutex.lock();
        try {
            boolean waited = locked;
            long waitStart = waited ? System.nanoTime() : 0;
            while (locked) {
                long savedSwitchNumber = switchNumber;
                boolean timedOut = false;
                try {
                    if (flavour == GilFlavour.MODERN) {
                        timedOut = cond.awaitNanos(intervalNanos) <= 0;
                    } else {
                        cond.await(); // the pre-3.2 lock: wait until released, never ask
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                // Timed out and no switch meanwhile: ask the holder to drop it.
                if (timedOut && locked && switchNumber == savedSwitchNumber) {
                    dropRequest = true;
                    dropRequests++;
                }
            }
            // _ready: switch_mutex must be held to change last_holder (see release()).
            switchMutex.lock();
            try {
                locked = true;
                holder = me;
                if (lastHolder != me) {
                    lastHolder = me;
                    switchNumber++;
                }
                // CPython signals once and its waiter does not re-check; ours re-check last_holder.
                switchCond.signalAll();
            } finally {
                switchMutex.unlock();
            }
            dropRequest = false; // RESET_GIL_DROP_REQUEST: the request has been met
            acquisitions++;
            if (waited) {
                contendedAcquisitions++;
                waitNanos += System.nanoTime() - waitStart;
            }
        } finally {
            mutex.unlock();
            if (interrupted) {
                me.interrupt();
            }
        }
    }

    /** CPython's {@code drop_gil}, called by the holder (before a blocking call, or when done). */
    public void release() {
        drop(DropReason.CALL);
    }

    /**
     * A check point of the holder's code (a "bytecode" boundary): MODERN drops the lock here if a
     * waiter has asked for it, then queues to take it again; LEGACY releases and re-takes it every
     * {@link #LEGACY_TICKS_PER_RELEASE} check points.
     */
    public void checkpoint() {
        if (flavour == GilFlavour.MODERN) {
            if (dropRequest) {
                drop(DropReason.DROP_REQUEST);
                acquire();
            }
        } else if (++ticks >= LEGACY_TICKS_PER_RELEASE) {
            ticks = 0;
            drop(DropReason.TICKS);
            acquire();
        }
    }

    private void drop(DropReason reason) {
        Thread me = Thread.currentThread();
        if (holder != me) {
            throw new IllegalStateException(me.getName() + " released the global interpreter lock without holding it");
        }
        mutex.lock();
        try {
            holder = null;
            locked = false;
            switch (reason) {
                case DROP_REQUEST -> forcedDrops++;
                case TICKS -> periodicReleases++;
                case CALL -> { }
            }
            cond.signal();
        } finally {
            mutex.unlock();
        }
        // FORCE_SWITCHING: a pending request means a waiter exists; wait until it has the lock.
        if (flavour == GilFlavour.MODERN && dropRequest) {
            switchMutex.lock();
            try {
                if (lastHolder == me) {
                    dropRequest = false;
                    forcedSwitchWaits++;
                    while (lastHolder == me) {
                        switchCond.awaitUninterruptibly();
                    }
                }
            } finally {
                switchMutex.unlock();
            }
        }
    }

    /** What the lock has done so far. */
    public GilCounters counters() {
        mutex.lock();
        try {
            switchMutex.lock();
            try {
                return new GilCounters(acquisitions, contendedAcquisitions, switchNumber, dropRequests, forcedDrops,
                        forcedSwitchWaits, periodicReleases, waitNanos);
            } finally {
                switchMutex.unlock();
            }
        } finally {
            mutex.unlock();
        }
    }
}
