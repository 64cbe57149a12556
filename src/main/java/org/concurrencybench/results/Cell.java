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
 * @param params    the parameters that tell this cell from its neighbours (its identity, as
 *                  {@code outcomes.json} records it)
 * @param defaults  the benchmark's other parameters at their declared values: a result with another
 *                  value there (a PROCESS_POOL batch cut in chunks, an uneven spread) is another cell
 */
public record Cell(String benchmark, Map<String, String> params, Map<String, String> defaults) {

    public Cell {
        params = Map.copyOf(params);
        defaults = Map.copyOf(defaults);
    }

    /** A cell known by its identity alone, e.g. read back from {@code outcomes.json}. */
    public Cell(String benchmark, Map<String, String> params) {
        this(benchmark, params, Map.of());
    }

    /**
     * Whether a JMH result of {@code resultBenchmark} with {@code resultParams} (JMH records every
     * parameter) measures this cell: the same benchmark, this cell's values, and the declared
     * defaults wherever the result names them.
     */
    public boolean matches(String resultBenchmark, Map<String, String> resultParams) {
        if (!benchmark.equals(resultBenchmark)) {
            return false;
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getValue().equals(resultParams.get(param.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, String> fixed : defaults.entrySet()) {
            String value = resultParams.get(fixed.getKey());
            if (value != null && !value.equals(fixed.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code outcome} is about this very cell. */
    public boolean is(Outcome outcome) {
        return benchmark.equals(outcome.benchmark()) && params.equals(outcome.params());
    }

    /** A short name for the console and error lines, e.g. {@code ModelBenchmark.batch model=SEQUENTIAL workload=CPU}. */
    public String label() {
        String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        String shown = new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return shown.isEmpty() ? simple : simple + " " + shown;
    }
}
