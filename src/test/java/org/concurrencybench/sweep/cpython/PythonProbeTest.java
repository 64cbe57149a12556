package org.concurrencybench.sweep.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code --python} naming something that prints no version says so, not "it is Python ". */
class PythonProbeTest {

    @Test
    void anInterpreterThatPrintsNothingIsNamedAsSuch() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CpythonInterpreter.find("/bin/true", false));
        assertEquals("--python /bin/true: expected a CPython " + CpythonInterpreter.MINIMUM + " or newer, but it printed no"
                + " version (is it a Python at all?)", error.getMessage());
    }
}
