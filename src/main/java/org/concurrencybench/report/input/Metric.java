package org.concurrencybench.report.input;

/**
 * One JMH metric (the primary score or a secondary one such as {@code gc.alloc.rate.norm}):
 * JMH's own score and error, its unit, and the raw iteration values as {@code [fork][iteration]}
 * (empty when JMH wrote none). NaN where JMH wrote the string "NaN".
 */
public record Metric(double score, double scoreError, String unit, double[][] rawData) {

    /** Every raw iteration value across forks, NaNs dropped; the score alone when there is no raw data. */
    public double[] samples() {
        int count = 0;
        for (double[] fork : rawData) {
            for (double value : fork) {
                if (Double.isFinite(value)) {
                    count++;
                }
            }
        }
        if (count == 0) {
            return Double.isFinite(score) ? new double[] {score} : new double[0];
        }
        double[] samples = new double[count];
        int i = 0;
        for (double[] fork : rawData) {
            for (double value : fork) {
                if (Double.isFinite(value)) {
                    samples[i++] = value;
                }
            }
        }
        return samples;
    }

    /**
     * The raw iteration values by fork, NaNs dropped, forks left empty removed; the score alone as
     * one fork of one value when there is no raw data.
     */
    public double[][] forks() {
        if (!hasRawData()) {
            return Double.isFinite(score) ? new double[][] {{score}} : new double[0][];
        }
        return java.util.Arrays.stream(rawData)
                .map(fork -> java.util.Arrays.stream(fork).filter(Double::isFinite).toArray())
                .filter(fork -> fork.length > 0).toArray(double[][]::new);
    }

    /** By value, the raw data included: a record's own equality would compare the array by identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Metric m && Double.compare(score, m.score) == 0
                && Double.compare(scoreError, m.scoreError) == 0 && java.util.Objects.equals(unit, m.unit)
                && java.util.Arrays.deepEquals(rawData, m.rawData);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(score, scoreError, unit, java.util.Arrays.deepHashCode(rawData));
    }

    @Override
    public String toString() {
        return "Metric[score=" + score + ", scoreError=" + scoreError + ", unit=" + unit + ", rawData="
                + java.util.Arrays.deepToString(rawData) + "]";
    }

    /** Whether JMH wrote per-iteration values (without them there is no interval). */
    public boolean hasRawData() {
        for (double[] fork : rawData) {
            if (fork.length > 0) {
                return true;
            }
        }
        return false;
    }
}
