package org.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of JMH's {@code -rf json} output, bound by Jackson ({@link JmhResultFile} reads them):
 * which benchmark method ran with which parameters, and its metrics. Only what the suite reads is
 * bound; {@link #source} keeps the entry as JMH wrote it, so a file the sweep gathers stays JMH's own.
 *
 * @param benchmark        JMH's full name: the benchmark class's name, a dot, the method
 * @param mode             JMH's short mode name, e.g. {@code avgt}; empty when absent
 * @param threads          threads per fork; 1 when absent
 * @param forks            forks JMH ran; 0 when absent
 * @param params           the parameters, as the strings JMH writes; empty when absent
 * @param primaryMetric    the score JMH reports
 * @param secondaryMetrics profilers' metrics by name (e.g. {@code gc.alloc.rate.norm}); empty when absent
 * @param source           the entry as JMH wrote it; null for a result not read from a file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JmhResult(String benchmark, String mode, Integer threads, Integer forks, Map<String, String> params,
                        Metric primaryMetric, Map<String, Metric> secondaryMetrics, @JsonIgnore JsonNode source) {

    public JmhResult {
        mode = mode == null ? "" : mode;
        threads = threads == null ? 1 : threads;
        forks = forks == null ? 0 : forks;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondaryMetrics = secondaryMetrics == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(secondaryMetrics));
    }

    /**
     * One JMH metric: its score and error (NaN where JMH wrote the string {@code "NaN"} or nothing),
     * its unit, and the raw values of the measured iterations, one list per fork (none when JMH
     * wrote no {@code rawData}, as after a failed fork).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(Double score, Double scoreError, String scoreUnit, List<List<Double>> rawData) {

        public Metric {
            score = score == null ? Double.NaN : score;
            scoreError = scoreError == null ? Double.NaN : scoreError;
            scoreUnit = scoreUnit == null ? "" : scoreUnit;
            List<List<Double>> forks = new ArrayList<>();
            for (List<Double> fork : rawData == null ? List.<List<Double>>of() : rawData) {
                forks.add(fork == null ? List.of()
                        : Collections.unmodifiableList(fork.stream().map(v -> v == null ? Double.NaN : v).toList()));
            }
            rawData = List.copyOf(forks);
        }

        /** Every raw value of every fork, in order, NaNs included. */
        public List<Double> samples() {
            return rawData.stream().flatMap(List::stream).toList();
        }
    }

    /** The same result with the entry it was read from. */
    JmhResult withSource(JsonNode entry) {
        return new JmhResult(benchmark, mode, threads, forks, params, primaryMetric, secondaryMetrics, entry);
    }

    /** Whether this is the benchmark method {@code method} of a benchmark class named {@code simpleClassName}. */
    public boolean is(String simpleClassName, String method) {
        return benchmark.endsWith(simpleClassName + "." + method);
    }

    /** A parameter's value, or null when JMH did not record it. */
    public String param(String name) {
        return params.get(name);
    }
}
