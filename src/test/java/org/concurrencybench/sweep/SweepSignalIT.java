package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A sweep stopped by SIGTERM exits 143 (the shell's 128 + 15), and the docs' table of exit codes
 * (docs/results.md, linked from the README) and {@code -h} say so, not 130, which only Ctrl-C gives.
 */
class SweepSignalIT {

    @TempDir
    Path dir;

    @Test
    void sigtermExits143AsHelpAndReadmeSay() throws Exception {
        Path fake = ChildSweep.fakeJava(dir, "sleep 30");
        Process sweep = ChildSweep.start(dir, fake, "--smoke", "--cores", "1", "--models", "SEQUENTIAL",
                "--workloads", "CPU", "--no-python", "--label", "sig", "--results", "r", "--charts", "c");
        ChildSweep.awaitConsole(dir, "] cores=1 cpus="); // its first JMH step, whichever the round starts with
        sweep.destroy(); // SIGTERM
        assertEquals(SweepCommand.TERMINATED, ChildSweep.exitCode(sweep), ChildSweep.console(dir));
        assertTrue(ChildSweep.console(dir).contains("Interrupted. Kept no finished round"), ChildSweep.console(dir));

        StringWriter help = new StringWriter();
        new CommandLine(new SweepCommand()).usage(new PrintWriter(help));
        assertTrue(help.toString().contains("130 interrupted (Ctrl-C)"), help.toString());
        assertTrue(help.toString().contains("143 stopped by SIGTERM"), help.toString());
        String results = Files.readString(Path.of("docs/results.md"));
        assertTrue(results.contains("| 143 | stopped by SIGTERM"), "docs/results.md's table of exit codes");
        assertTrue(Files.readString(Path.of("run-benchmarks.sh")).contains("143 stopped by SIGTERM"));
    }
}
