package org.concurrencybench.sweep.cpython;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.sweep.machine.BoundedCommand;

/**
 * Asks the CPython companion whether {@code --python-task MODULE:FUNCTION} can be imported and
 * called, before anything runs ({@code run_cpython.py --check-task}): a module or function not
 * found is then one line and exit 2, not a FAILED cell per form and core count later. A module
 * that hangs at import is stopped at the limit, whatever it prints ({@link BoundedCommand}).
 */
public final class PythonTaskCheck {

    /** The companion imports the module: a module that runs for longer at import is a fault of its own. */
    private static final long TIMEOUT_SECONDS = 60;

    private PythonTaskCheck() {
    }

    /** The companion's one line about what is wrong, or empty when the function is there. */
    public static Optional<String> problem(CpythonInterpreter interpreter, Path script, String spec, Path path) {
        return problem(interpreter, script, spec, path, TIMEOUT_SECONDS);
    }

    static Optional<String> problem(CpythonInterpreter interpreter, Path script, String spec, Path path,
                                    long timeoutSeconds) {
        if (!interpreter.present()) {
            return Optional.of("--python-task " + spec + ": no CPython to run it (" + interpreter.note() + ")");
        }
        List<String> command = new ArrayList<>(List.of(interpreter.executable(), script.toString(), "--check-task", spec));
        if (path != null) {
            command.addAll(List.of("--task-path", path.toAbsolutePath().toString()));
        }
        try {
            BoundedCommand.Ended ended = BoundedCommand.run(command, null, timeoutSeconds);
            if (ended.timedOut()) {
                return Optional.of("--python-task " + spec + ": importing it took over " + timeoutSeconds
                        + " s; it was stopped (a module that runs at import must return within the limit)");
            }
            if (ended.exitCode() == 0) {
                return Optional.empty();
            }
            String[] lines = ended.output().strip().split("\n");
            return Optional.of(lines[lines.length - 1].replaceFirst("^run_cpython\\.py: ", ""));
        } catch (IOException e) {
            return Optional.of("--python-task " + spec + ": cannot run " + interpreter.executable() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("--python-task " + spec + ": interrupted while checking it");
        }
    }
}
