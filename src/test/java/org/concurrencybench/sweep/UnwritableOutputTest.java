package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.plan.SweepException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** An unwritable --charts is refused before the first measurement, not after the last. */
class UnwritableOutputTest {

    @TempDir
    Path dir;

    @Test
    void anUnwritableChartsFolderIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Path charts = file.resolve("charts"); // a path through a file: unwritable for root too
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--quick", "--cores", "1", "--models", "SEQUENTIAL", "--workloads", "CPU",
                "--spread", "NONE", "--no-python", "--label", "t", "--results", dir.resolve("results").toString(),
                "--charts", charts.toString());
        SweepSettings settings = SweepSettings.resolve(command.request(),
                CpuTopology.read(Path.of("/nonexistent"), new TreeSet<>(List.of(0, 1))));
        Path ran = dir.resolve("jmh-ran");
        Path fake = ChildSweep.fakeJava(dir, "touch " + ran);
        Sweep sweep = new Sweep(settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                fake.toString(), dir.resolve("jmh.lock"));
        SweepException error = assertThrows(SweepException.class, () -> sweep.run(false));
        assertTrue(error.getMessage().startsWith("--charts " + charts + ": cannot write there (Not a directory)"),
                error.getMessage());
        assertFalse(Files.exists(ran), "no benchmark ran");
        assertFalse(Files.exists(settings.run().runDir()), "no run folder");
    }
}
