package org.concurrencybench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The sweep's list flags ({@code --models}, {@code --workloads}, {@code --spread}) read into constants. */
final class FlagLists {

    private FlagLists() {
    }

    /**
     * {@code names} parsed, each value once, in the order given; a name that does not parse fails
     * with one line naming {@code flag} and what it takes (and {@code also}, what else it takes).
     */
    static <E> List<E> parse(List<String> names, String flag, Function<String, E> parse, String also) {
        List<E> values = new ArrayList<>();
        for (String name : names) {
            E value;
            try {
                value = parse.apply(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(flag + ": " + e.getMessage() + also);
            }
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /**
     * {@code names} as given (null: the flag was not given), refused in one line when they name
     * nothing ({@code --models ,}), which would plan a run of none of them.
     */
    static List<String> atLeastOne(List<String> names, String flag, String noun, String example) {
        if (names != null && names.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException(flag + ": names no " + noun + "; give at least one, e.g. " + flag + " "
                    + example);
        }
        return names;
    }

    /** The constants' names, in declaration order. */
    static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }
}
