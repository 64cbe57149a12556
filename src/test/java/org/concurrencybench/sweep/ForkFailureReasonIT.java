package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuTopology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A cell whose fork died says more than "no result from JMH (exit code 0)": it gives the
 * fork's exit code and the last error of JMH's output (JMH echoes a failed fork's last lines).
 */
class ForkFailureReasonIT {

    @TempDir
    Path dir;

    @Test
    void aDeadForkIsNamedWithItsExitAndLastError() throws Exception {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--quick", "--cores", "1", "--models", "SEQUENTIAL", "--workloads", "CPU",
                "--spread", "NONE", "--no-python", "--label", "t", "--results", dir.resolve("r").toString(),
                "--charts", dir.resolve("c").toString());
        SweepSettings settings = SweepSettings.resolve(command.request(),
                CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1))));
        Path fake = ChildSweep.fakeJava(dir, """
                echo "<forked VM failed with exit code 137>"
                echo "<stderr last='20 lines'>"
                echo "java.lang.OutOfMemoryError: Java heap space"
                echo "</stderr>"
                printf '[]' > "$out"; exit 0""");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new Sweep(settings, new PrintStream(console, true, StandardCharsets.UTF_8), fake.toString(),
                dir.resolve("jmh.lock")).run(false);
        List<Outcome> outcomes = new RunFolder(settings.run().runDir()).readOutcomes();
        assertEquals(1, outcomes.size(), console.toString());
        assertEquals("no result from JMH (exit code 0, a fork exited with 137: java.lang.OutOfMemoryError: Java heap"
                + " space); see logs/cores-1.log", outcomes.get(0).reason());
    }
}
