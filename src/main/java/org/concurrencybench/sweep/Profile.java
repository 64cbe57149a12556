package org.concurrencybench.sweep;

import java.util.List;

/**
 * How long and how often JMH measures each benchmark: the sweep's three profiles. Iteration
 * times are in milliseconds; an iteration lasts at least one batch, however long that is.
 *
 * @param forks             JVM forks per benchmark (each a fresh JVM; intervals are across forks)
 * @param warmupIterations  warm-up iterations per fork, not recorded
 * @param warmupMillis      length of one warm-up iteration
 * @param iterations        measured iterations per fork
 * @param iterationMillis   length of one measured iteration
 */
public record Profile(String name, int forks, int warmupIterations, long warmupMillis, int iterations,
                      long iterationMillis) {

    /**
     * A first look (CI, a new machine): one fork, one 200 ms warm-up and two 200 ms measured
     * iterations; fewer convoy and JVM-start cells and one PROCESS_PER_TASK batch (see
     * {@link SweepPlan#firstLook}). Intervals are wide: two iterations of one fork give a t
     * quantile of 12.7 (3 iterations: 4.3), about 3.6 times the width for the same spread.
     */
    public static final Profile QUICK = new Profile("quick", 1, 1, 200, 2, 200);
    /** A real run: two forks, enough iterations for intervals worth reading. */
    public static final Profile DEFAULT = new Profile("default", 2, 2, 1000, 4, 1000);
    /** For publication: more forks, longer iterations. */
    public static final Profile FULL = new Profile("full", 3, 5, 2000, 10, 2000);

    /** The profile of this name, as {@code machine.json} records it. */
    static Profile byName(String name) {
        for (Profile p : List.of(QUICK, DEFAULT, FULL)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; valid: quick, default, full");
    }

    /** JMH's command-line options for this profile. */
    public List<String> jmhOptions() {
        return List.of("-f", String.valueOf(forks), "-wi", String.valueOf(warmupIterations),
                "-w", warmupMillis + "ms", "-i", String.valueOf(iterations), "-r", iterationMillis + "ms");
    }

    /** A first guess at one benchmark's wall time, in milliseconds: iterations plus a JVM start per fork. */
    public long estimatedMillisPerBenchmark() {
        long forkStartMillis = 1200;
        return forks * (warmupIterations * warmupMillis + iterations * iterationMillis + forkStartMillis);
    }
}
