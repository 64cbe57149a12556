package org.concurrencybench.results;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One planned measurement: a JMH benchmark method with the parameter values that pick it out.
 * The sweep plans cells, JMH's results and {@code outcomes.json} are matched back to them, and a
 * cell is finished only when it is measured, FAILED or SKIPPED.
 *
 * @param benchmark JMH's full name: the benchmark class's name, a dot, the method
 * @param params    the parameters this cell fixes; a JMH result may carry more (defaults), which do not matter
 */
public record Cell(String benchmark, Map<String, String> params) {

    public Cell {
        params = Map.copyOf(params);
    }

    /** Whether a JMH result of {@code resultBenchmark} with {@code resultParams} measures this cell. */
    public boolean matches(String resultBenchmark, Map<String, String> resultParams) {
        if (!benchmark.equals(resultBenchmark)) {
            return false;
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getValue().equals(resultParams.get(param.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A short name for the console and error lines, e.g. {@code ModelBenchmark.batch model=SEQUENTIAL workload=CPU}. */
    public String label() {
        String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        String shown = new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return shown.isEmpty() ? simple : simple + " " + shown;
    }
}
