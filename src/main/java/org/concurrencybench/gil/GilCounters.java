package org.concurrencybench.gil;

/**
 * A snapshot of what a {@link GlobalInterpreterLock} has done, for tests (which check the
 * mechanism through these, never through timings) and for benchmarks (secondary metrics).
 *
 * @param acquisitions          times any thread took the lock
 * @param contendedAcquisitions of those, the times the taker found it held and had to wait
 * @param switches              CPython's {@code switch_number}: takes by a thread other than the last holder
 * @param dropRequests          times a waiter, after a whole interval without a switch, set the drop request
 * @param forcedDrops           times a holder dropped the lock at a check point because of a drop request
 * @param forcedSwitchWaits     times a thread that dropped the lock while a request was pending then waited
 *                              until another thread had taken it (CPython's {@code FORCE_SWITCHING})
 * @param periodicReleases      the pre-3.2 flavour's releases every {@link GlobalInterpreterLock#LEGACY_TICKS_PER_RELEASE} ticks
 * @param waitNanos             total time threads spent waiting to take the lock, nanoseconds
 */
public record GilCounters(long acquisitions, long contendedAcquisitions, long switches, long dropRequests,
        long forcedDrops, long forcedSwitchWaits, long periodicReleases, long waitNanos) {

    public static final GilCounters ZERO = new GilCounters(0, 0, 0, 0, 0, 0, 0, 0);

    /** What happened between {@code earlier} and this snapshot. */
    public GilCounters minus(GilCounters earlier) {
        return new GilCounters(acquisitions - earlier.acquisitions,
                contendedAcquisitions - earlier.contendedAcquisitions,
                switches - earlier.switches,
                dropRequests - earlier.dropRequests,
                forcedDrops - earlier.forcedDrops,
                forcedSwitchWaits - earlier.forcedSwitchWaits,
                periodicReleases - earlier.periodicReleases,
                waitNanos - earlier.waitNanos);
    }
}
