package org.concurrencybench.sweep.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A module that hangs at import while its output stays open (here a stand-in python whose
     * child holds the pipe): a check that read all output before its timed wait would hang, its
     * limit never firing. The deadline fires, the child and what it started end.
     */
    @Test
    void aModuleThatHangsAtImportIsStoppedAtTheDeadline(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("sleeper.pid");
        Path hanging = dir.resolve("hanging-python");
        Files.writeString(hanging, "#!/bin/sh\necho importing\nsleep 30 &\necho $! > " + pid + "\nwait\n");
        assertTrue(hanging.toFile().setExecutable(true));
        CpythonInterpreter python = new CpythonInterpreter(hanging.toString(), "3.12.0", false, "stand-in");
        assertEquals(Optional.of("--python-task hangimp:f: importing it took over 1 s; it was stopped (a module"
                + " that runs at import must return within the limit)"),
                PythonTaskCheck.problem(python, SCRIPT, "hangimp:f", dir, 1));
        long sleeper = Long.parseLong(Files.readString(pid).trim());
        ProcessHandle.of(sleeper).ifPresent(child -> assertFalse(child.onExit().completeOnTimeout(child, 10,
                java.util.concurrent.TimeUnit.SECONDS).join().isAlive(), "the module's child lives on"));
    }
}
