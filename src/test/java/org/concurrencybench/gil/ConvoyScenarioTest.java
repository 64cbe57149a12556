package org.concurrencybench.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The convoy scenario's mechanics: the I/O thread beside CPU-bound threads under the lock has to
 * ask for the lock back (drop requests), free threads never touch a lock, the round trips give the
 * same checksum either way, and closing stops and joins every CPU thread.
 */
class ConvoyScenarioTest {

    private static final int ROUND_TRIPS = 20;
    private static final int BYTES = 64;
    private static final long SEED = 77;

    /**
     * A lone CPU thread holds the lock for good: the I/O thread gets in only by asking, and the CPU
     * thread drops it on request. Every send and read then releases and re-takes the lock.
     */
    @Test
    void ioThreadBesideACpuThreadUnderTheLockMustAskForIt() throws Exception {
        GlobalInterpreterLock lock = new GlobalInterpreterLock(Duration.ofNanos(200_000), GilFlavour.MODERN);
        long checksum;
        ConvoyScenario scenario = ConvoyScenario.start(lock, 1, BYTES, java.time.Duration.ZERO, SEED);
        try {
            GilCounters beforeEnter = scenario.lockCounters();
            scenario.enter();
            GilCounters entering = scenario.lockCounters().minus(beforeEnter);
            assertTrue(entering.dropRequests() >= 1, "the I/O thread should have asked: " + entering);
            assertEquals(1, entering.forcedDrops(), "the CPU thread should have dropped it on request: " + entering);
            assertEquals(1, entering.contendedAcquisitions(), entering.toString());

            GilCounters beforeRoundTrips = scenario.lockCounters();
            checksum = runRoundTrips(scenario);
            GilCounters roundTrips = scenario.lockCounters().minus(beforeRoundTrips);
            assertTrue(roundTrips.acquisitions() >= 2L * ROUND_TRIPS,
                    "the send and the reads each release and re-take the lock: " + roundTrips);
            scenario.exit();
            assertEquals(1, scenario.liveCpuThreads());
        } finally {
            scenario.close();
        }
        assertEquals(0, scenario.liveCpuThreads(), "CPU threads must be joined at close");
        assertFalse(lock.isLocked());
        assertEquals(freeRunChecksum(), checksum, "the lock must not change what the round trips return");
    }

    /** Two CPU threads share the lock between them and with the I/O thread; all stop at close. */
    @Test
    void twoCpuThreadsUnderTheLockAreStoppedAndJoined() throws Exception {
        GlobalInterpreterLock lock = new GlobalInterpreterLock(Duration.ofNanos(200_000), GilFlavour.MODERN);
        ConvoyScenario scenario = ConvoyScenario.start(lock, 2, BYTES, java.time.Duration.ZERO, SEED);
        try {
            // Both have run: the second got in only after asking the first.
            assertTrue(scenario.lockCounters().forcedDrops() >= 1, scenario.lockCounters().toString());
            scenario.enter();
            runRoundTrips(scenario);
            scenario.exit();
        } finally {
            scenario.close();
        }
        assertEquals(0, scenario.liveCpuThreads());
        assertFalse(lock.isLocked());
    }

    @Test
    void freeThreadsRunBesideTheIoThreadWithoutALock() throws Exception {
        long alone = freeRunChecksum();
        try (ConvoyScenario scenario = ConvoyScenario.start(null, 1, BYTES, java.time.Duration.ZERO, SEED)) {
            // No enter(): with no lock there is nothing to hold (under a lock this throws, see below).
            long checksum = runRoundTrips(scenario);
            assertEquals(alone, checksum, "a CPU thread beside must not change what the round trips return");
            assertEquals(1, scenario.liveCpuThreads(), "the CPU thread kept running beside the round trips");
            assertEquals(GilCounters.ZERO, scenario.lockCounters());
        }
    }

    @Test
    void closeWhileTheIoThreadStillHoldsTheLockStopsEverything() throws Exception {
        GlobalInterpreterLock lock = new GlobalInterpreterLock(Duration.ofMillis(1), GilFlavour.MODERN);
        ConvoyScenario scenario = ConvoyScenario.start(lock, 1, BYTES, java.time.Duration.ZERO, SEED);
        scenario.enter();
        scenario.roundTrip();
        scenario.close();
        assertEquals(0, scenario.liveCpuThreads());
        assertFalse(lock.isLocked());
    }

    @Test
    void roundTripOutsideTheLockFailsClearly() throws Exception {
        GlobalInterpreterLock lock = new GlobalInterpreterLock(Duration.ofMillis(1), GilFlavour.MODERN);
        try (ConvoyScenario scenario = ConvoyScenario.start(lock, 0, BYTES, java.time.Duration.ZERO, SEED)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, scenario::roundTrip);
            assertTrue(e.getMessage().contains("without holding it"), e.getMessage());
        }
    }

    private static long freeRunChecksum() throws Exception {
        try (ConvoyScenario scenario = ConvoyScenario.start(null, 0, BYTES, java.time.Duration.ZERO, SEED)) {
            scenario.enter();
            return runRoundTrips(scenario);
        }
    }

    private static long runRoundTrips(ConvoyScenario scenario) throws Exception {
        long checksum = 0;
        for (int i = 0; i < ROUND_TRIPS; i++) {
            checksum = scenario.roundTrip();
        }
        return checksum;
    }
}
