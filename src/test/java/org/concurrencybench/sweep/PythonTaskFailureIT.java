package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.sweep.machine.CpuTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A Python function that raises (or calls os._exit) through
 * {@code --workloads USER --python-task}: the companion lists its cells under "failed" with the
 * reason, and the sweep must not end "measured 0 of 0 cells; 0 failed", exit 0, with verify
 * passing. Each failed CPython cell counts FAILED with its reason, the sweep exits 3, and verify sees it.
 * The companion is a stand-in that writes what the real one writes for such a function.
 */
class PythonTaskFailureIT {

    @TempDir
    Path dir;

    @Test
    void aFailingPythonFunctionFailsItsCellsTheSweepAndVerify() throws Exception {
        Path python = ChildSweep.fakePython(dir, "fake-python", """
                for a in "$@"; do [ "$a" = "--check-task" ] && exit 0; done
                printf '{"format":"concurrencybench-cpython/1","cores":1,"cpuUnits":7,"profile":{"forks":1},"benchmarks":[],"failed":[{"benchmark":"cpython.batch","params":{"form":"sequential","workload":"USER","task":"raises:f"},"reason":"exit 1: ValueError: boom"},{"benchmark":"cpython.batch","params":{"form":"threads","workload":"USER","task":"raises:f"},"reason":"exit 9: no message"}]}' > "$out"
                """);
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--smoke", "--cores", "1", "--models", "SEQUENTIAL", "--workloads", "USER",
                "--python", python.toString(), "--python-task", "raises:f", "--python-path", dir.toString(),
                "--label", "t", "--results", dir.resolve("results").toString(), "--charts", dir.resolve("charts").toString());
        SweepSettings settings = SweepSettings.resolve(command.request(),
                CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1))));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Sweep.Ending ending = new Sweep(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                ChildSweep.fakeJava(dir, "").toString(), dir.resolve("jmh.lock")).run(false);
        String text = console.toString(StandardCharsets.UTF_8);
        assertEquals(Sweep.Ending.CELLS_FAILED, ending, text);
        assertTrue(text.contains("cores=1 CPython cpython.batch form=sequential task=raises:f workload=USER: FAILED: round 1:"
                + " exit 1: ValueError: boom"), text);
        assertTrue(text.contains("CPython: 0 of 2 measured, 2 failed"), text);

        RunCheck.Summary summary = RunCheck.check(new RunFolder(settings.run().runDir()));
        assertEquals(2, summary.problems().size(), summary.problems().toString());
        assertEquals(SweepCommand.CELLS_FAILED,
                new CommandLine(new VerifyCommand()).execute(settings.run().runDir().toString()));
    }
}
