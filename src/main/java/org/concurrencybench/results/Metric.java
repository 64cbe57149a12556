package org.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One metric of a cell (the primary score or a secondary one such as {@code gc.alloc.rate.norm}),
 * as JMH and the CPython companion both write it: the writer's own score and error (NaN where it
 * wrote the string "NaN" or nothing), its unit, and the raw iteration values, one list per fork
 * (JMH) or trial (CPython), empty when none were written. Immutable lists, so equality is by value.
 *
 * @param score      the writer's score; NaN when absent
 * @param scoreError the writer's error; NaN when absent
 * @param unit       the score's unit, e.g. {@code ms/op}; empty when absent
 * @param rawData    the values by fork, {@code [fork][iteration]}, NaN where a value was null or "NaN"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Metric(double score, double scoreError, String unit, List<List<Double>> rawData) {

    public Metric {
        unit = unit == null ? "" : unit;
        List<List<Double>> forks = new ArrayList<>();
        for (List<Double> fork : rawData == null ? List.<List<Double>>of() : rawData) {
            forks.add(fork == null ? List.of() : fork.stream().map(v -> v == null ? Double.NaN : v).toList());
        }
        rawData = List.copyOf(forks);
    }

    /** A metric from arrays, {@code [fork][iteration]}. */
    public Metric(double score, double scoreError, String unit, double[][] rawData) {
        this(score, scoreError, unit, Arrays.stream(rawData).map(fork -> Arrays.stream(fork).boxed().toList()).toList());
    }

    /** What a file holds: any field may be absent. */
    @JsonCreator
    static Metric read(@JsonProperty("score") Double score, @JsonProperty("scoreError") Double scoreError,
                       @JsonProperty("scoreUnit") String unit, @JsonProperty("rawData") List<List<Double>> rawData) {
        return new Metric(score == null ? Double.NaN : score, scoreError == null ? Double.NaN : scoreError, unit,
                rawData);
    }

    /** The same metric pooled from several: every fork of each, in order, the score the mean of every finite value. */
    static Metric pool(List<Metric> parts) {
        List<List<Double>> forks = new ArrayList<>();
        parts.forEach(m -> forks.addAll(m.rawData()));
        double mean = forks.stream().flatMap(List::stream).filter(Double::isFinite).mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN);
        return new Metric(mean, Double.NaN, parts.isEmpty() ? "" : parts.get(0).unit(), forks);
    }

    /** Every raw iteration value across forks, NaNs dropped; the score alone when there is no raw data. */
    public double[] samples() {
        double[] samples = rawData.stream().flatMap(List::stream).mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).toArray();
        if (samples.length == 0) {
            return Double.isFinite(score) ? new double[] {score} : new double[0];
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
        return rawData.stream().map(fork -> fork.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite)
                .toArray()).filter(fork -> fork.length > 0).toArray(double[][]::new);
    }

    /** Whether per-iteration values were written (without them there is no interval). */
    public boolean hasRawData() {
        return rawData.stream().anyMatch(fork -> !fork.isEmpty());
    }
}
