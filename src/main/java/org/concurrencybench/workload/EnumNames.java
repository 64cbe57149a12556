package org.concurrencybench.workload;

import java.util.Arrays;
import java.util.Locale;

/**
 * Parses the names users type for the suite's enums (models, workloads) in one way: case and
 * surrounding spaces don't matter, and an unknown name gets a message that lists the valid ones.
 */
public final class EnumNames {

    private EnumNames() {
    }

    /**
     * The constant of {@code type} named {@code name}.
     *
     * @param kind what the constants are, for the message ("model", "workload")
     * @throws IllegalArgumentException naming the unknown name and the valid ones
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String kind) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; valid: "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
