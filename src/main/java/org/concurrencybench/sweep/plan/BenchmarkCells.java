package org.concurrencybench.sweep.plan;

import org.concurrencybench.bench.ModelBenchmark;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencybench.results.Cell;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The cells a JMH invocation runs, derived from the benchmark class's own declarations: its
 * {@code @Benchmark} methods times every combination of its {@code @Param} values, where the
 * values the sweep passes with {@code -p} replace the declared ones. So a plan counts what JMH
 * will really run, and a new {@code @Param} value changes the count without touching the sweep.
 */
final class BenchmarkCells {

    private BenchmarkCells() {
    }

    /**
     * The cells of {@code benchmarkClass} with the values of {@code given}. A parameter keeps
     * its declared values where not given; only parameters with more than one value (or given
     * ones) name a cell, so a cell's parameters are those that tell it from its neighbours.
     */
    static List<Cell> of(Class<?> benchmarkClass, Map<String, List<String>> given) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Field field : paramFields(benchmarkClass)) {
            List<String> values = given.containsKey(field.getName()) ? given.get(field.getName()) : declaredValues(field);
            if (given.containsKey(field.getName()) || values.size() > 1) {
                axes.put(field.getName(), values);
            } else if (values.size() == 1) {
                defaults.put(field.getName(), values.get(0));
            }
        }
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : axis.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        List<Cell> cells = new ArrayList<>();
        for (String method : benchmarkMethods(benchmarkClass)) {
            for (Map<String, String> params : combinations) {
                cells.add(new Cell(benchmarkClass.getName() + "." + method, params, defaults));
            }
        }
        return cells;
    }

    /** The names of the class's {@code @Param} fields (its own and inherited). */
    static Set<String> paramNames(Class<?> benchmarkClass) {
        Set<String> names = new TreeSet<>();
        paramFields(benchmarkClass).forEach(field -> names.add(field.getName()));
        return names;
    }

    /** The declared values of one {@code @Param} field; none listed on an enum means every constant, as JMH does. */
    static List<String> declaredValues(Field field) {
        String[] declared = field.getAnnotation(Param.class).value();
        boolean blank = declared.length == 0 || (declared.length == 1 && Param.BLANK_ARGS.equals(declared[0]));
        if (blank && !field.getType().isEnum()) {
            return List.of(); // nothing declared: JMH needs -p for it
        }
        if (blank) {
            return Arrays.stream(field.getType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        return List.of(declared);
    }

    /** ModelBenchmark's tasks per batch where {@code -p tasks} does not say: its declared {@code @Param}. */
    static int declaredBatchTasks() {
        return Integer.parseInt(declaredValues(ModelBenchmark.class, "tasks").get(0));
    }

    /** The declared values of the {@code @Param} named {@code name} of the class. */
    static List<String> declaredValues(Class<?> benchmarkClass, String name) {
        for (Field field : paramFields(benchmarkClass)) {
            if (field.getName().equals(name)) {
                return declaredValues(field);
            }
        }
        throw new IllegalArgumentException(benchmarkClass.getSimpleName() + " has no @Param " + name);
    }

    static List<Field> paramFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Param.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static List<String> benchmarkMethods(Class<?> type) {
        List<String> methods = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                methods.add(method.getName());
            }
        }
        methods.sort(String::compareTo);
        return methods;
    }
}
