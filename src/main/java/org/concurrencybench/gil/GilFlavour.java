package org.concurrencybench.gil;

/** Which CPython global interpreter lock the simulation reproduces. */
public enum GilFlavour {
    /**
     * CPython 3.2 and later ({@code Python/ceval_gil.c}): a waiter asks for the lock after one
     * switch interval, the holder drops it at its next check point and, with forced switching,
     * waits until another thread has taken it.
     */
    MODERN,
    /**
     * CPython before 3.2: the holder releases and re-takes the lock every 100 "ticks" (check
     * points), with no forced handover, so on many cores it often wins it straight back.
     */
    LEGACY
}
