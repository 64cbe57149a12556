package org.concurrencybench.sweep.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several interpreters in one run, with stand-ins that answer the version probe: one step each,
 * named by version and build; a run of one unnamed, as before; two of one version refused; the
 * estimate the sum of theirs; the executables recorded for {@code --resume} and found again.
 */
class CpythonStepsTest {

    @TempDir
    Path dir;

    private String fakePython(String name, String probe) throws Exception {
        Path fake = dir.resolve(name);
        Files.writeString(fake, "#!/bin/sh\necho \"" + probe + "\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        return fake.toString();
    }

    private CpythonSteps steps(CpythonInterpreters pythons) throws Exception {
        Path script = dir.resolve("run_cpython.py");
        Files.writeString(script, "# stand-in\n");
        return new CpythonSteps(pythons, script, Profile.QUICK, List.of(Model.SEQUENTIAL, Model.GLOBAL_LOCK,
                Model.FIXED_POOL), List.of(Workload.CPU), false, false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void twoInterpretersAreTwoStepsNamedByVersionAndBuild() throws Exception {
        String old = fakePython("py311", "3.11.7 1 1");
        String free = fakePython("py313t", "3.13.1 1 0");
        CpythonInterpreters pythons = CpythonInterpreters.find(List.of(old, free), false);
        assertTrue(pythons.several());
        CpythonSteps steps = steps(pythons);
        assertEquals(List.of("3.11", "3.13t"), steps.labels());
        assertFalse(steps.single());
        CpythonStep one = steps.step("3.11");
        CpythonStep other = steps.step("3.13t");
        assertTrue(one != other);
        assertEquals(one.estimatedMillis(List.of(1, 2), 3) + other.estimatedMillis(List.of(1, 2), 3),
                steps.estimatedMillis(List.of(1, 2), 3), "each interpreter at each core count in each round");
        assertTrue(one.plannedCommand(2, "0,1", dir.resolve("out.json")).contains(old));
        assertTrue(other.plannedCommand(2, "0,1", dir.resolve("out.json")).contains(free));
        assertEquals(2, steps.note().lines().count(), "a line per interpreter");
        assertEquals(old + File.pathSeparator + free, pythons.recorded());
        assertEquals(List.of("3.11", "3.13t"), steps(CpythonInterpreters.resumed(pythons.recorded(), null, false))
                .labels(), "--resume finds both again");
    }

    @Test
    void aRunOfOneKeepsItsUnnamedFiles() throws Exception {
        CpythonInterpreters one = CpythonInterpreters.find(List.of(fakePython("py311", "3.11.7 1 1")), false);
        assertFalse(one.several());
        CpythonSteps steps = steps(one);
        assertEquals(Arrays.asList((String) null), steps.labels());
        assertTrue(steps.single());
        assertEquals(List.of(), steps(CpythonInterpreters.find(null, true)).labels(), "--no-python: none runs");
    }

    @Test
    void twoOfOneVersionAndBuildAreRefused() throws Exception {
        String a = fakePython("a", "3.13.0 1 1");
        String b = fakePython("b", "3.13.1 1 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CpythonInterpreters.find(List.of(a, b), false));
        assertEquals("--python: " + a + " and " + b + " are both CPython 3.13; each interpreter's files are named by its"
                + " version and build, so give each once", e.getMessage());
        assertEquals(2, CpythonInterpreters.find(List.of(a, fakePython("c", "3.13.1 1 0")), false).all().size(),
                "the GIL build and the free-threaded one of a version are two");
    }
}
