package org.concurrencybench.sweep.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concurrencybench.bench.BenchmarkDefaults;

/**
 * The JMH command-line options the sweep plans with, parsed from the arguments of one invocation
 * (the benchmark pattern first, then {@code -p NAME=V1,V2}, {@code -f}, {@code -wi}, {@code -w},
 * {@code -i}, {@code -r}; others are skipped with their value). A later option overrides an earlier
 * one, as in JMH; one not given takes the defaults the caller names (JMH's own, or the suite's annotations).
 *
 * @param benchmark       the benchmark pattern, or empty
 * @param params          the {@code -p} values by parameter name
 * @param forks           {@code -f}: JVM forks per benchmark, at least 1
 * @param warmupIterations {@code -wi}
 * @param warmupMillis    {@code -w}, in milliseconds
 * @param iterations      {@code -i}
 * @param iterationMillis {@code -r}, in milliseconds
 */
record JmhOptions(String benchmark, Map<String, List<String>> params, int forks, int warmupIterations,
                         long warmupMillis, int iterations, long iterationMillis) {

    /** JMH's own defaults: 5 forks of 5 x 10 s warm-up and 5 x 10 s measured. */
    static final JmhOptions JMH_DEFAULTS = new JmhOptions("", Map.of(), 5, 5, 10_000, 5, 10_000);
    /**
     * What the suite's benchmark classes declare in their annotations ({@link BenchmarkDefaults}), which
     * JMH takes where the command line says nothing.
     */
    static final JmhOptions SUITE_DEFAULTS = new JmhOptions("", Map.of(), BenchmarkDefaults.FORKS,
            BenchmarkDefaults.WARMUP_ITERATIONS, BenchmarkDefaults.WARMUP_MILLIS, BenchmarkDefaults.ITERATIONS,
            BenchmarkDefaults.ITERATION_MILLIS);

    public JmhOptions {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The options of one invocation's arguments, {@code args.get(0)} being the benchmark pattern;
     * those not given are {@code defaults}'.
     */
    static JmhOptions parse(List<String> args, JmhOptions defaults) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int forks = defaults.forks;
        int wi = defaults.warmupIterations;
        long w = defaults.warmupMillis;
        int i = defaults.iterations;
        long r = defaults.iterationMillis;
        for (int k = 1; k + 1 < args.size(); k++) {
            String value = args.get(k + 1);
            switch (args.get(k)) {
                case "-p" -> {
                    int eq = value.indexOf('=');
                    params.put(value.substring(0, eq), List.of(value.substring(eq + 1).split(",")));
                }
                case "-f" -> forks = Integer.parseInt(value);
                case "-wi" -> wi = Integer.parseInt(value);
                case "-w" -> w = millis(value);
                case "-i" -> i = Integer.parseInt(value);
                case "-r" -> r = millis(value);
                default -> {
                    continue;
                }
            }
            k++;
        }
        return new JmhOptions(args.isEmpty() ? "" : args.get(0), params, Math.max(1, forks), wi, w, i, r);
    }

    /** A JMH time value ({@code 600ms}, {@code 2s}, or seconds without a unit) in milliseconds. */
    static long millis(String time) {
        String t = time.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Long.parseLong(t.substring(0, t.length() - 2));
        }
        if (t.endsWith("s")) {
            return Long.parseLong(t.substring(0, t.length() - 1)) * 1000;
        }
        return Long.parseLong(t) * 1000;
    }

    /** How many values JMH records per benchmark: forks times measured iterations. */
    int samplesPerBenchmark() {
        return forks * iterations;
    }

    /** A parameter's values, or {@code otherwise} when not given. */
    List<String> values(String name, List<String> otherwise) {
        return params.getOrDefault(name, otherwise);
    }

    /** A parameter's first value, or {@code otherwise} when not given. */
    String first(String name, String otherwise) {
        return values(name, List.of(otherwise)).get(0);
    }

    /** How many values a parameter takes, or {@code otherwise} when not given. */
    int count(String name, int otherwise) {
        return params.containsKey(name) ? params.get(name).size() : otherwise;
    }

    /** A parameter's values as constants of {@code type}; every constant when not given. */
    <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
        if (!params.containsKey(name)) {
            return List.of(type.getEnumConstants());
        }
        return params.get(name).stream().map(v -> Enum.valueOf(type, v.trim())).toList();
    }
}
