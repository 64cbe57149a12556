package org.concurrencybench.model;

import java.time.Duration;
import org.concurrencybench.gil.GilFlavour;

/**
 * What a runner is built with. Only the models that have a pool read {@code parallelism}; only
 * {@code GLOBAL_LOCK} reads the lock's settings; only {@code PROCESS_POOL} reads {@code chunksize}.
 *
 * @param parallelism    pool size: worker threads or worker processes (0: the cores the JVM sees)
 * @param switchInterval the GIL's switch interval (CPython's default: 5 ms)
 * @param gilFlavour     which CPython lock to simulate
 * @param chunksize      tasks per message to a worker process, as {@code Pool.map}'s chunksize:
 *                       1 = one task per message (the default, {@code ProcessPoolExecutor.submit}),
 *                       0 = CPython's default for the batch ({@link PoolMapChunks})
 */
public record RunnerSettings(int parallelism, Duration switchInterval, GilFlavour gilFlavour, int chunksize) {

    /** One task per message to a worker process. */
    public static final int ONE_TASK_PER_MESSAGE = 1;

    /** CPython's default switch interval, {@code sys.getswitchinterval()}. */
    public static final Duration DEFAULT_SWITCH_INTERVAL =
            Duration.of(org.concurrencybench.gil.GlobalInterpreterLock.CPYTHON_SWITCH_INTERVAL_MICROS, java.time.temporal.ChronoUnit.MICROS);

    public RunnerSettings {
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0 (0 = the cores the JVM sees), got "
                    + parallelism);
        }
        if (switchInterval.isNegative() || switchInterval.isZero()) {
            throw new IllegalArgumentException("the switch interval must be positive, got " + switchInterval);
        }
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize must be >= 0 (0 = CPython's default, 1 = one task per"
                    + " message), got " + chunksize);
        }
    }

    /** Settings that send one task per message to a worker process. */
    public RunnerSettings(int parallelism, Duration switchInterval, GilFlavour gilFlavour) {
        this(parallelism, switchInterval, gilFlavour, ONE_TASK_PER_MESSAGE);
    }

    /** The same settings with this chunk size. */
    public RunnerSettings withChunksize(int tasksPerMessage) {
        return new RunnerSettings(parallelism, switchInterval, gilFlavour, tasksPerMessage);
    }

    /** Settings with this pool size and CPython's default lock. */
    public static RunnerSettings withParallelism(int parallelism) {
        return new RunnerSettings(parallelism, DEFAULT_SWITCH_INTERVAL, GilFlavour.MODERN);
    }

    /** The pool size to build: {@code parallelism}, or the cores the JVM sees where it is 0. */
    public int effectiveParallelism() {
        return parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
    }
}
