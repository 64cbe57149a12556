package org.concurrencybench.sweep.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order of one round of a sweep in rounds (randomized multiple interleaved trials, Abedi &amp;
 * Brecht, ICPE 2017): every planned JMH invocation at every core count once, and CPython's
 * companion at every core count it runs at in that round, the (core count, step) visits shuffled
 * together, except that in the first round CPython's visits come after every JMH visit (CPython's
 * calibration needs the JVM's SEQUENTIAL time of that round), shuffled among themselves; inside
 * each step the values of every {@code -p} parameter
 * shuffled, which is the order JMH then runs that step's cells in (JMH keeps the order the values
 * are given in; it runs the parameters as nested loops, so the cells are shuffled as far as one
 * invocation allows). A machine's drift then lands on a different cell at each round instead of on
 * whichever cell runs last. The generator is seeded by the run's seed and the round number, so the
 * same run (and a resumed one) repeats the same order.
 */
public final class RoundOrder {

    /**
     * One invocation of a round, pinned to {@code cores} CPUs: a JMH step, or CPython's companion
     * ({@code step} null) of the interpreter labelled {@code python} (null in a run of one).
     */
    public record Visit(int cores, SweepPlan.Step step, String python) {

        public Visit(int cores, SweepPlan.Step step) {
            this(cores, step, null);
        }

        /** CPython's companion at {@code cores}: one trial of each of its benchmarks. */
        public static Visit ofCpython(int cores) {
            return ofCpython(cores, null);
        }

        /** The companion of interpreter {@code python} (null: the only one) at {@code cores}. */
        public static Visit ofCpython(int cores, String python) {
            return new Visit(cores, null, python);
        }

        public boolean isCpython() {
            return step == null;
        }

        /** What the console and the tests call the visit: the step's name, or {@code cpython} (and its interpreter). */
        public String name() {
            return isCpython() ? (python == null ? "cpython" : "cpython " + python) : step.name();
        }
    }

    private RoundOrder() {
    }

    /**
     * Round {@code round} (1, 2, ...) of the run seeded {@code seed}.
     *
     * @param stepsByCores every core count's steps, in plan order
     */
    public static List<Visit> of(long seed, int round, Map<Integer, List<SweepPlan.Step>> stepsByCores) {
        return of(seed, round, stepsByCores, List.of());
    }

    /**
     * Round {@code round} (1, 2, ...) of the run seeded {@code seed}, with CPython's companion at
     * each of {@code cpythonCores}: after the JMH steps in round 1, among them from round 2 on.
     *
     * @param stepsByCores every core count's steps, in plan order
     */
    public static List<Visit> of(long seed, int round, Map<Integer, List<SweepPlan.Step>> stepsByCores,
                                 List<Integer> cpythonCores) {
        return of(seed, round, stepsByCores, cpythonCores, java.util.Collections.singletonList(null));
    }

    /**
     * The same with the companion of each interpreter of {@code pythons} (their labels; one null in
     * a run of one) at each of {@code cpythonCores}: a visit each, shuffled alike.
     */
    public static List<Visit> of(long seed, int round, Map<Integer, List<SweepPlan.Step>> stepsByCores,
                                 List<Integer> cpythonCores, List<String> pythons) {
        Random random = new Random(mix(seed, round));
        List<Visit> visits = new ArrayList<>();
        stepsByCores.forEach((cores, steps) -> steps.forEach(step -> visits.add(new Visit(cores, step))));
        List<Visit> cpython = cpythonCores.stream()
                .flatMap(cores -> pythons.stream().map(python -> Visit.ofCpython(cores, python))).toList();
        if (round > 1) {
            visits.addAll(cpython);
        }
        java.util.Collections.shuffle(visits, random);
        List<Visit> shuffled = new ArrayList<>();
        for (Visit visit : visits) {
            shuffled.add(visit.isCpython() ? visit : new Visit(visit.cores(), shuffleParams(visit.step(), random), null));
        }
        if (round == 1) {
            List<Visit> last = new ArrayList<>(cpython);
            java.util.Collections.shuffle(last, random);
            shuffled.addAll(last);
        }
        return shuffled;
    }

    /** A new run's seed: from the clock, recorded in the machine file so the order can be repeated. */
    public static long newSeed() {
        return new java.security.SecureRandom().nextLong();
    }

    /** The step with each parameter's values in a shuffled order: the same cells, run in another order. */
    static SweepPlan.Step shuffleParams(SweepPlan.Step step, Random random) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        step.params().forEach((name, values) -> {
            List<String> copy = new ArrayList<>(values);
            java.util.Collections.shuffle(copy, random);
            params.put(name, copy);
        });
        return step.withParams(params);
    }

    /** One stream per round: rounds of one seed differ, and round r of one seed is always the same. */
    private static long mix(long seed, int round) {
        long z = seed + 0x9E3779B97F4A7C15L * round;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
