package org.concurrencybench.model;

import java.time.Duration;
import org.concurrencybench.gil.GilFlavour;

/**
 * What a runner is built with. Only the models that have a pool read {@code parallelism}; only
 * {@code GLOBAL_LOCK} reads the lock's settings.
 *
 * @param parallelism    pool size: worker threads or worker processes (0: the cores the JVM sees)
 * @param switchInterval the GIL's switch interval (CPython's default: 5 ms)
 * @param gilFlavour     which CPython lock to simulate
 */
public record RunnerSettings(int parallelism, Duration switchInterval, GilFlavour gilFlavour) {

    /** CPython's default switch interval, {@code sys.getswitchinterval()}. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    public RunnerSettings {
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0 (0 = the cores the JVM sees), got "
                    + parallelism);
        }
        if (switchInterval.isNegative() || switchInterval.isZero()) {
            throw new IllegalArgumentException("the switch interval must be positive, got " + switchInterval);
        }
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
