package org.concurrencybench.results;

import java.util.Comparator;

/**
 * How a run of several CPython interpreters names each one in its file names and its report: the
 * version's major.minor, with {@code t} for a free-threaded build ({@code 3.11}, {@code 3.13t}), as
 * CPython names its own executables ({@code python3.13t}). A run of one interpreter has no label
 * (null): its files keep the names they always had ({@code cpython-cores-N.json}).
 */
public final class CpythonLabels {

    /** A label as a regular expression. */
    public static final String LABEL = "\\d+\\.\\d+t?";

    /** Labels by version (3.9 before 3.13), the GIL build before the free-threaded one. */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt((String label) -> part(label, 0))
            .thenComparingInt(label -> part(label, 1))
            .thenComparing(label -> label.endsWith("t"));

    private CpythonLabels() {
    }

    /** The label of CPython {@code version} (e.g. "3.13.1"), free-threaded or not: "3.13t". */
    public static String of(String version, boolean freeThreaded) {
        String[] parts = version.split("\\.");
        String majorMinor = parts.length >= 2 ? parts[0] + "." + parts[1].replaceAll("\\D.*", "") : version;
        return majorMinor + (freeThreaded ? "t" : "");
    }

    private static int part(String label, int index) {
        String[] parts = label.replace("t", "").split("\\.");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
