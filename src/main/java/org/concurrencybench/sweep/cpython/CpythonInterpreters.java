package org.concurrencybench.sweep.cpython;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPythons a sweep runs beside the JVM ({@code --python} given more than once, or a comma list),
 * each measured at each core count in the same rounds: one interpreter (or none, with the line
 * saying why) as before, or several, each then named by version and build in its file names
 * ({@link #label}). Two of one version and build would write the same files, so they are refused.
 *
 * @param all the interpreters in the order given; one absent one (with its note) where none runs
 */
public record CpythonInterpreters(List<CpythonInterpreter> all) {

    public CpythonInterpreters {
        all = List.copyOf(all);
    }

    /** One interpreter, or none: the shape of a run before several could be given. */
    public static CpythonInterpreters of(CpythonInterpreter one) {
        return new CpythonInterpreters(List.of(one));
    }

    /**
     * Finds each of {@code requested} ({@link CpythonInterpreter#find}); none or an empty list: the
     * default ({@code python3} on the PATH), or none with {@code --no-python}.
     */
    public static CpythonInterpreters find(List<String> requested, boolean disabled) {
        if (requested == null || requested.isEmpty() || disabled) {
            return of(CpythonInterpreter.find(null, disabled));
        }
        List<CpythonInterpreter> found = new ArrayList<>();
        for (String executable : requested) {
            found.add(CpythonInterpreter.find(executable, false));
        }
        return checked(found, "--python");
    }

    /**
     * The interpreters of a resumed run: those it ran ({@code recorded}: their executables joined by
     * {@link File#pathSeparator}, as {@link #recorded} writes them; "" for none), unless
     * {@code --python} or {@code --no-python} says otherwise.
     */
    public static CpythonInterpreters resumed(String recorded, List<String> requested, boolean disabled) {
        boolean asked = requested != null && !requested.isEmpty();
        if (asked || disabled) {
            return find(requested, disabled);
        }
        if (recorded == null || recorded.isEmpty()) {
            return of(CpythonInterpreter.resumed(recorded, null, false));
        }
        List<CpythonInterpreter> found = new ArrayList<>();
        for (String executable : recorded.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            found.add(CpythonInterpreter.resumed(executable, null, false));
        }
        return checked(found, "--resume");
    }

    private static CpythonInterpreters checked(List<CpythonInterpreter> found, String flag) {
        Map<String, String> byLabel = new HashMap<>();
        for (CpythonInterpreter python : found) {
            String other = byLabel.putIfAbsent(python.label(), python.executable());
            if (other != null) {
                throw new IllegalArgumentException(flag + ": " + other + " and " + python.executable() + " are both CPython "
                        + python.label() + "; each interpreter's files are named by its version and build, so give each"
                        + " once");
            }
        }
        return new CpythonInterpreters(found);
    }

    /** Whether several run, each then named by {@link #label}. */
    public boolean several() {
        return all.size() > 1;
    }

    /** The first (the only one, in a run of one): the one a {@code --python-task} is checked with first. */
    public CpythonInterpreter first() {
        return all.get(0);
    }

    /** What interpreter {@code python}'s files are named by: null in a run of one, its label in a run of several. */
    public String label(CpythonInterpreter python) {
        return several() ? python.label() : null;
    }

    /** What {@code machine.json} records for {@code --resume}: the executables joined by {@link File#pathSeparator}; "" for none. */
    public String recorded() {
        return String.join(File.pathSeparator, all.stream().filter(CpythonInterpreter::present)
                .map(CpythonInterpreter::executable).toList());
    }
}
