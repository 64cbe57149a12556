package org.concurrencybench.sweep.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code --python-task}'s check before anything runs, through the real companion: a function that
 * is there passes, a module or function not found is the companion's one line. Skipped where no
 * CPython 3.9+ is installed.
 */
class PythonTaskCheckIT {

    private static final Path SCRIPT = Path.of("python/run_cpython.py");
    private static final Path EXAMPLES = Path.of("examples/python");

    private static CpythonInterpreter python() {
        CpythonInterpreter python = CpythonInterpreter.find(null, false);
        assumeTrue(python.present(), "no python3 3.9+ here");
        return python;
    }

    @Test
    void theExampleFunctionIsFound() {
        assertEquals(Optional.empty(), PythonTaskCheck.problem(python(), SCRIPT, "digest:handle", EXAMPLES));
    }

    @Test
    void aMissingModuleOrFunctionIsOneLine() {
        CpythonInterpreter python = python();
        assertEquals(Optional.of("--python-task nosuchmodule:f: cannot import module nosuchmodule: No module named"
                + " 'nosuchmodule'"), PythonTaskCheck.problem(python, SCRIPT, "nosuchmodule:f", EXAMPLES));
        assertEquals(Optional.of("--python-task digest:nope: module digest has no function nope"),
                PythonTaskCheck.problem(python, SCRIPT, "digest:nope", EXAMPLES));
    }
}
