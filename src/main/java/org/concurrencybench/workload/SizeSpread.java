package org.concurrencybench.workload;

import java.util.Random;

/**
 * How unevenly a batch's work is shared among its tasks (the JMH param {@code spread}): every task
 * the same size ({@link #NONE}, the even batches every model's scaling is measured on), or sizes drawn from a
 * seeded random generator.
 *
 * <p>Why it is shaped so: a model's answer to skew is the point (a shared queue hands the next task
 * to whoever is free, fork/join steals, {@code Pool.map} cuts fixed chunks up front), so the
 * spreads must differ only in their skew, never in the total. Every spread's sizes are therefore
 * <em>normalised</em>: the factors of a batch of {@code n} tasks sum to exactly {@code n} (mean
 * 1x), and {@link #sizes} turns them into whole units whose sum is exactly {@code n x mean}. Batch
 * times compare across spreads, and the checksum still covers every unit.
 *
 * <p>The draws come from {@link java.util.Random}, whose algorithm its Javadoc specifies, so the
 * same seed gives the same sizes in the same order on every JDK and for every model. The
 * distributions, by inverse transform of a uniform {@code u} in [0, 1):
 * <ul>
 *   <li>{@link #UNIFORM}: {@code 0.1 + 1.8u}, 0.1x to 1.9x the mean;</li>
 *   <li>{@link #EXPONENTIAL}: {@code -ln(1 - u)}, rate 1;</li>
 *   <li>{@link #PARETO}: {@code xm / (1 - u)^(1/a)} with shape {@code a = 1.5} and scale
 *       {@code xm = (a - 1)/a} (mean 1): a heavy tail, its variance infinite. Its tasks are capped
 *       at {@link #MAX_SHARE} of the batch, so that one draw cannot be the whole batch.</li>
 * </ul>
 */
public enum SizeSpread {
    /** Every task the same size. */
    NONE,
    /** Uniform between 0.1x and 1.9x the mean. */
    UNIFORM,
    /** Exponential: many small tasks, some several times the mean. */
    EXPONENTIAL,
    /** Pareto, shape 1.5: a heavy tail, one task at most a quarter of the batch. */
    PARETO;

    /** The seed of the suite's batches: every model and every run draws the same sizes. */
    public static final long DEFAULT_SEED = 13;
    /** Pareto's shape parameter (alpha). */
    public static final double PARETO_SHAPE = 1.5;
    /** The largest share of the batch's work one task may have, under {@link #PARETO}. */
    public static final double MAX_SHARE = 0.25;

    /**
     * The size factors of a batch: {@code tasks} numbers {@code >= 0} that sum to {@code tasks}
     * (mean 1x). Under {@link #PARETO} none is over {@code max(1, MAX_SHARE x tasks)}: a quarter of
     * the batch, and for batches of 4 tasks or fewer (where a quarter is at most one task's fair
     * share) every factor is 1.
     */
    public double[] factors(int tasks, long seed) {
        if (tasks < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 task, got " + tasks);
        }
        double[] raw = new double[tasks];
        Random random = new Random(seed);
        for (int i = 0; i < tasks; i++) {
            double u = random.nextDouble();
            raw[i] = switch (this) {
                case NONE -> 1;
                case UNIFORM -> 0.1 + 1.8 * u;
                case EXPONENTIAL -> -Math.log1p(-u);
                case PARETO -> (PARETO_SHAPE - 1) / PARETO_SHAPE / Math.pow(1 - u, 1 / PARETO_SHAPE);
            };
        }
        double cap = this == PARETO ? Math.max(1.0, MAX_SHARE * tasks) : Double.POSITIVE_INFINITY;
        return normalised(raw, cap);
    }

    /**
     * Whole sizes for a batch whose tasks are {@code mean} units each on average: the factors
     * times {@code mean}, rounded so that the sizes sum to exactly {@code tasks x mean} (largest
     * remainder: each size rounded down, then the units left over go one each to the sizes that
     * lost the most, the earlier task first on a tie). {@link #NONE} gives {@code mean} for every task.
     */
    public long[] sizes(int tasks, long mean, long seed) {
        if (mean < 0) {
            throw new IllegalArgumentException("the mean task size must be >= 0, got " + mean);
        }
        double[] factors = factors(tasks, seed);
        long[] sizes = new long[tasks];
        double[] lost = new double[tasks];
        long left = Math.multiplyExact(mean, (long) tasks);
        for (int i = 0; i < tasks; i++) {
            double exact = factors[i] * mean;
            sizes[i] = (long) Math.floor(exact);
            lost[i] = exact - sizes[i];
            left -= sizes[i];
        }
        Integer[] byLost = new Integer[tasks];
        for (int i = 0; i < tasks; i++) {
            byLost[i] = i;
        }
        java.util.Arrays.sort(byLost, (a, b) -> Double.compare(lost[b], lost[a])); // stable: ties keep task order
        for (int k = 0; left > 0; k = (k + 1) % tasks, left--) {
            sizes[byLost[k]]++;
        }
        // Floating-point sums can put the floors a unit over the total: take it from the largest.
        while (left < 0) {
            int largest = 0;
            for (int i = 1; i < tasks; i++) {
                if (sizes[i] > sizes[largest]) {
                    largest = i;
                }
            }
            sizes[largest]--;
            left++;
        }
        return sizes;
    }

    /**
     * Scales {@code raw} to sum to its length with no value over {@code cap}: values that would
     * pass the cap are set to it, and the others scaled up to make up the total, until none passes
     * (each round caps at least one more value, so at most {@code raw.length} rounds).
     */
    static double[] normalised(double[] raw, double cap) {
        int n = raw.length;
        boolean[] capped = new boolean[n];
        int cappedCount = 0;
        double[] factors = new double[n];
        while (true) {
            double free = 0;
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    free += raw[i];
                }
            }
            double scale = (n - (cappedCount == 0 ? 0 : cap * cappedCount)) / free;
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!capped[i] && raw[i] * scale > cap) {
                    capped[i] = true;
                    cappedCount++;
                    changed = true;
                }
            }
            if (!changed || cappedCount == n) {
                for (int i = 0; i < n; i++) {
                    factors[i] = capped[i] ? cap : raw[i] * scale;
                }
                return factors;
            }
        }
    }

    /** Parses a spread name, case-insensitively; the error lists the valid names. */
    public static SizeSpread parse(String name) {
        return EnumNames.parse(SizeSpread.class, name, "spread");
    }
}
