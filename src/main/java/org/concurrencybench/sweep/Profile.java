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

    /** Smoke-sized: for CI and a first look; intervals will be wide. */
    public static final Profile QUICK = new Profile("quick", 1, 1, 300, 3, 300);
    /**
     * A real run, shaped for comparisons: five forks of one 0.6 s warm-up and three 0.6 s measured
     * iterations. Forks, not iterations, are the independent samples a comparison ranks (see
     * report's RunComparison), and the exact Mann-Whitney test needs five per side before a change
     * seen in half the cells survives Benjamini-Hochberg: its smallest p is 2/C(10,5) = 0.008 (four
     * per side: 0.029, which BH over 12 cells with 6 changed lifts to 0.057, above 0.05). So the time
     * goes into forks rather than iterations: 9 s measured per benchmark (was 2 x 4 x 1 s = 8 s) and
     * about 18 s in all with JVM starts (was about 14 s). Whether two default runs on a 2-core machine
     * tell a 5% change apart is for the lead's A/A and A/B runs to show (docs/report.md).
     */
    public static final Profile DEFAULT = new Profile("default", 5, 1, 600, 3, 600);
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
