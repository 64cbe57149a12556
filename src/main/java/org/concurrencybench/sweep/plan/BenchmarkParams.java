package org.concurrencybench.sweep.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencybench.bench.CapacityBenchmark;
import org.concurrencybench.bench.ConvoyBenchmark;
import org.concurrencybench.bench.JvmStartBenchmark;
import org.concurrencybench.bench.ModelBenchmark;

/**
 * The sweep's {@code --param NAME=VALUE}: which JMH {@code @Param}s each benchmark class declares,
 * read from the classes themselves by reflection (so a new {@code @Param} needs no list kept here),
 * and the {@code -p NAME=VALUE} options each JMH step gets. A step gets a parameter only if its
 * class declares it, and never one the sweep sets itself for that step (its models, workloads, the
 * capacity sizes): those come from their own flags.
 */
public final class BenchmarkParams {

    /** The benchmark classes the sweep runs. */
    static final List<Class<?>> CLASSES = List.of(ModelBenchmark.class, ConvoyBenchmark.class, JvmStartBenchmark.class,
            CapacityBenchmark.class);

    /** Set by the sweep's own flags (--models, --workloads), never by --param. */
    static final Set<String> RESERVED = Set.of("model", "workload");

    private BenchmarkParams() {
    }

    /** The {@code @Param} fields of a benchmark class and its {@code @State} member classes. */
    public static Set<String> declaredBy(Class<?> type) {
        Set<String> names = new TreeSet<>(BenchmarkCells.paramNames(type));
        for (Class<?> member : type.getDeclaredClasses()) {
            names.addAll(BenchmarkCells.paramNames(member));
        }
        return names;
    }

    /** Every parameter some benchmark class declares, less the reserved ones: what --param accepts. */
    public static Set<String> accepted() {
        Set<String> names = new TreeSet<>();
        CLASSES.forEach(name -> names.addAll(declaredBy(name)));
        names.removeAll(RESERVED);
        return names;
    }

    /**
     * Parses {@code NAME=VALUE} pairs in order; a later value of one name replaces an earlier one.
     * Fails with one line naming the flag, the bad pair and what is accepted.
     */
    public static Map<String, String> parse(List<String> pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        Set<String> accepted = accepted();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("--param '" + pair + "': expected NAME=VALUE, e.g. cpuUnits=770");
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("--param " + name + ": set it with --" + name + "s instead");
            }
            if (!accepted.contains(name)) {
                throw new IllegalArgumentException("--param " + name + ": no benchmark declares it; known: "
                        + String.join(", ", accepted));
            }
            ParamValues.check(name, value, CLASSES);
            params.put(name, value);
        }
        return Map.copyOf(params);
    }

    /** The steps with {@code NAME=VALUE} added where the step's class declares NAME and the step does not set it. */
    public static List<SweepPlan.Step> apply(List<SweepPlan.Step> steps, Map<String, String> params) {
        if (params.isEmpty()) {
            return steps;
        }
        List<SweepPlan.Step> result = new ArrayList<>();
        for (SweepPlan.Step step : steps) {
            Set<String> declared = declaredBy(step.benchmarkClass());
            Map<String, List<String>> merged = new LinkedHashMap<>(step.params());
            params.forEach((name, value) -> {
                if (declared.contains(name) && !step.params().containsKey(name)) {
                    merged.put(name, List.of(value));
                }
            });
            result.add(step.withParams(merged));
        }
        return result;
    }
}
