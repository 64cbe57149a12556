package org.concurrencybench.sweep.cpython;

import java.util.List;
import org.concurrencybench.results.CpythonLabels;
import org.concurrencybench.sweep.machine.MachineProbe;

/**
 * The CPython the sweep runs beside the JVM, or none, with the one line the console shows about it.
 *
 * @param executable   the python to run; null for none
 * @param freeThreaded whether its GIL is off (a free-threaded build)
 */
public record CpythonInterpreter(String executable, String version, boolean freeThreaded, String note) {

    /** The oldest CPython the companion supports. */
    static final String MINIMUM = "3.9";
    private static final String PROBE = "import sys; print(sys.version.split()[0], int(sys.version_info >= (3, 9)),"
            + " int(getattr(sys, '_is_gil_enabled', lambda: True)()))";

    static CpythonInterpreter none(String note) {
        return new CpythonInterpreter(null, null, false, note);
    }

    public boolean present() {
        return executable != null;
    }

    /** Its name in a run of several interpreters: version and build, "3.11" or "3.13t" ({@link CpythonLabels}). */
    public String label() {
        return present() ? CpythonLabels.of(version, freeThreaded) : null;
    }

    /**
     * Finds the interpreter: none with {@code --no-python}; {@code --python PATH} if it is a CPython
     * 3.9+ (else a usage error naming it); otherwise {@code python3} on the PATH if it is one.
     */
    public static CpythonInterpreter find(String requested, boolean disabled) {
        if (disabled) {
            return none("CPython: not run (--no-python)");
        }
        String executable = requested == null ? "python3" : requested;
        String probe = MachineProbe.command(List.of(executable, "-c", PROBE), null);
        String[] words = probe == null ? new String[0] : probe.trim().split("\\s+");
        boolean suitable = words.length == 3 && words[1].equals("1");
        if (!suitable) {
            String why = probe == null ? "it did not run"
                    : words.length > 0 && words[0].matches("\\d+\\.\\d+.*") ? "it is Python " + words[0]
                    : probe.isBlank() ? "it printed no version (is it a Python at all?)"
                    : "it printed no version but \"" + firstLine(probe) + "\"";
            if (requested != null) {
                throw new IllegalArgumentException("--python " + requested + ": expected a CPython " + MINIMUM
                        + " or newer, but " + why);
            }
            return none("CPython: no python3 " + MINIMUM + "+ found (" + why
                    + "); the comparison with real CPython is skipped (--python PATH chooses one)");
        }
        boolean free = words[2].equals("0");
        return new CpythonInterpreter(executable, words[0], free, "CPython: " + executable + " " + words[0]
                + (free ? " (free-threaded)" : "") + " runs beside the JVM at each core count (--no-python skips it)");
    }

    /**
     * The interpreter of a resumed run: the one it ran ({@code recorded}; "" for none), unless
     * {@code --python} or {@code --no-python} says otherwise; null recorded (a file from before it
     * was recorded): as {@link #find} does for a new run.
     */
    public static CpythonInterpreter resumed(String recorded, String requested, boolean disabled) {
        if (recorded == null || requested != null || disabled) {
            return find(requested, disabled);
        }
        if (recorded.isEmpty()) {
            return none("CPython: not run (the run was started without it; --python PATH adds it)");
        }
        try {
            return find(recorded, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--resume: the run ran CPython " + recorded + ", which no longer"
                    + " answers (" + e.getMessage().replaceFirst("^--python [^:]*: ", "") + "); give --python PATH or"
                    + " --no-python");
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
