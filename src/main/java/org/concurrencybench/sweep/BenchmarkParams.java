package org.concurrencybench.sweep;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmh.annotations.Param;

/**
 * The sweep's {@code --param NAME=VALUE}: which JMH {@code @Param}s each benchmark class declares,
 * read from the classes themselves by reflection (so a new {@code @Param} needs no list kept here),
 * and the {@code -p NAME=VALUE} options each JMH step gets. A step gets a parameter only if its
 * class declares it, and never one the sweep sets itself for that step (its models, workloads, the
 * capacity sizes): those come from their own flags.
 */
final class BenchmarkParams {

    /** The benchmark classes the sweep runs; a step's first JMH argument names one of them. */
    static final List<String> CLASSES = List.of("ModelBenchmark", "ConvoyBenchmark", "JvmStartBenchmark",
            "CapacityBenchmark");

    /** Set by the sweep's own flags (--models, --workloads), never by --param. */
    static final Set<String> RESERVED = Set.of("model", "workload");

    private static final String PACKAGE = "org.concurrencybench.bench.";

    private BenchmarkParams() {
    }

    /** The {@code @Param} fields of a benchmark class and its {@code @State} member classes. */
    static Set<String> declaredBy(String simpleName) {
        Set<String> names = new TreeSet<>();
        try {
            Class<?> type = Class.forName(PACKAGE + simpleName);
            addParams(type, names);
            for (Class<?> member : type.getDeclaredClasses()) {
                addParams(member, names);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class " + simpleName + " is missing from the build", e);
        }
        return names;
    }

    private static void addParams(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Param.class)) {
                    names.add(field.getName());
                }
            }
        }
    }

    /** Every parameter some benchmark class declares, less the reserved ones: what --param accepts. */
    static Set<String> accepted() {
        Set<String> names = new TreeSet<>();
        CLASSES.forEach(name -> names.addAll(declaredBy(name)));
        names.removeAll(RESERVED);
        return names;
    }

    /**
     * Parses {@code NAME=VALUE} pairs in order; a later value of one name replaces an earlier one.
     * Fails with one line naming the flag, the bad pair and what is accepted.
     */
    static Map<String, String> parse(List<String> pairs) {
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
            params.put(name, value);
        }
        return Map.copyOf(params);
    }

    /** The steps with {@code -p NAME=VALUE} added where the step's class declares NAME and the step does not set it. */
    static List<SweepPlan.Step> apply(List<SweepPlan.Step> steps, Map<String, String> params) {
        if (params.isEmpty()) {
            return steps;
        }
        List<SweepPlan.Step> result = new ArrayList<>();
        for (SweepPlan.Step step : steps) {
            Set<String> declared = declaredBy(classOf(step));
            List<String> args = new ArrayList<>(step.jmhArgs());
            params.forEach((name, value) -> {
                if (declared.contains(name) && !setsItself(step, name)) {
                    args.addAll(List.of("-p", name + "=" + value));
                }
            });
            result.add(new SweepPlan.Step(step.name(), List.copyOf(args), step.benchmarks(), step.estimatedMillis(),
                    step.capacity()));
        }
        return result;
    }

    private static boolean setsItself(SweepPlan.Step step, String name) {
        List<String> args = step.jmhArgs();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-p") && args.get(i + 1).startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /** The benchmark class a step runs, from its include pattern ({@code ^org\.concurrencybench\.bench\.X\.}). */
    static String classOf(SweepPlan.Step step) {
        String pattern = step.jmhArgs().get(0);
        for (String name : CLASSES) {
            if (pattern.contains(name + "\\.") || pattern.endsWith(name)) {
                return name;
            }
        }
        throw new IllegalStateException("step " + step.name() + " runs no known benchmark class: " + pattern);
    }
}
