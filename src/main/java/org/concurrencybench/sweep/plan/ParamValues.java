package org.concurrencybench.sweep.plan;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a {@code --param NAME=VALUE} against the type each benchmark declares NAME with, before
 * anything runs. JMH itself would only find {@code cpuUnits=abc} or {@code -5} when it sets up the
 * benchmark, in every fork of every core count, and fail every cell; here it is one line and exit 2.
 * Whole numbers must fit the field's type and be 0 or more (every count, size, time and interval of
 * the suite is; where 0 has a meaning, such as {@code parallelism=0} for "the cores the JVM sees",
 * the field says so); enums take their constants, booleans true or false.
 */
final class ParamValues {

    /** The batch size, which every batch benchmark declares. */
    private static final String BATCH_SIZE = "tasks";
    private static final String BATCH_SIZE_RANGE = "a batch size from 1 to " + Integer.MAX_VALUE;

    private ParamValues() {
    }

    /** Fails with one line if {@code value} does not fit NAME's declared type in some benchmark class. */
    static void check(String name, String value, List<Class<?>> classes) {
        for (Class<?> type : classes) {
            for (Class<?> declaring : withMembers(type)) {
                for (Field field : BenchmarkCells.paramFields(declaring)) {
                    if (field.getName().equals(name)) {
                        String why = name.equals(BATCH_SIZE) ? batchSize(value) : mismatch(field.getType(), value);
                        if (why != null) {
                            throw new IllegalArgumentException("--param " + name + "=" + value + ": expected " + why
                                    + (name.equals(BATCH_SIZE) ? "" : " (" + declaring.getSimpleName() + "." + name + ")"));
                        }
                    }
                }
            }
        }
    }

    /** A batch of no tasks measures nothing: {@code tasks} starts at 1, and says so in its own words. */
    private static String batchSize(String value) {
        try {
            return Integer.parseInt(value) >= 1 ? null : BATCH_SIZE_RANGE;
        } catch (NumberFormatException e) {
            return BATCH_SIZE_RANGE; // not a number, or past the int JMH's parameter is
        }
    }

    private static List<Class<?>> withMembers(Class<?> type) {
        List<Class<?>> all = new ArrayList<>(List.of(type));
        all.addAll(Arrays.asList(type.getDeclaredClasses()));
        return all;
    }

    /** What the type expects, where {@code value} is not it; null where it fits. */
    static String mismatch(Class<?> type, String value) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == byte.class) {
            long max = type == int.class || type == Integer.class ? Integer.MAX_VALUE
                    : type == short.class ? Short.MAX_VALUE : type == byte.class ? Byte.MAX_VALUE : Long.MAX_VALUE;
            String expected = "a whole number from 0 to " + max;
            try {
                long number = Long.parseLong(value);
                return number >= 0 && number <= max ? null : expected;
            } catch (NumberFormatException e) {
                return expected;
            }
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            try {
                double number = Double.parseDouble(value);
                return Double.isFinite(number) && number >= 0 ? null : "a number of 0 or more";
            } catch (NumberFormatException e) {
                return "a number of 0 or more";
            }
        }
        if (type == boolean.class || type == Boolean.class) {
            return value.equals("true") || value.equals("false") ? null : "true or false";
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return names.contains(value) ? null : "one of " + String.join(", ", names);
        }
        return value.isEmpty() ? "a value" : null;
    }
}
