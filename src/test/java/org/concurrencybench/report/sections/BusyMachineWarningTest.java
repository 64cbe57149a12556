package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.OutputFormat;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Machines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run measured beside other work says so on the report's first line, with the samples and
 * "rerun on a quiet machine"; a quiet run and a machine file from before the samples say nothing.
 */
class BusyMachineWarningTest {

    private static MachineInfo.State state(double othersCpus, Double loadPerCpu, MachineInfo.ProcessUse... busiest) {
        return new MachineInfo.State("t", null, null, List.of(), List.of(), null, null, null, loadPerCpu, othersCpus,
                List.of(busiest));
    }

    private static MachineInfo machine(MachineInfo.State before, MachineInfo.State after) {
        return Machines.of("runId", "r", "logicalCores", 2, "suiteCommit", "4c0b47618024-dirty",
                "stateBefore", before, "stateAfter", after);
    }

    private static ReportDocument.Block firstBlock(MachineInfo machine, Path out) {
        RunResults run = new RunResults(Path.of("r"), machine, new TreeMap<>(), List.of());
        return RunReport.build(run, List.of(), 0.95, List.of(), new ChartSink(out, Set.of(OutputFormat.MD), Runnable::run))
                .blocks().get(0);
    }

    @Test
    void aHogBesideTheSweepIsTheFirstLineAfterTheTitle(@TempDir Path out) {
        MachineInfo busy = machine(state(1.02, 1.12, new MachineInfo.ProcessUse("sh", 4242, 0.98)),
                state(0.03, 3.3));
        ReportDocument.Block first = firstBlock(busy, out);
        assertTrue(first instanceof ReportDocument.Paragraph, first.toString());
        String text = ((ReportDocument.Paragraph) first).text();
        assertEquals("Warning: the machine was busy with other work, which takes CPU time from the benchmarks and"
                + " distorts every figure below: before the sweep, other processes used 1.02 of 2 CPUs (load average"
                + " 1.12 per CPU), busiest sh (4242) 98% of a CPU. Rerun on a quiet machine (no other process over 10%"
                + " of a CPU, all of them together under 10% of the CPUs).", text);
    }

    @Test
    void manySmallProcessesTogetherAreBusyToo() {
        MachineInfo spread = machine(state(0.05, 0.1), state(0.25, 0.9, new MachineInfo.ProcessUse("a", 1, 0.08)));
        String line = BusyMachineWarning.of(spread).orElseThrow();
        assertTrue(line.contains("after the sweep, other processes used 0.25 of 2 CPUs (load average 0.90 per CPU)."),
                line);
        assertTrue(!line.contains("before the sweep"), line);
    }

    @Test
    void aQuietMachineHasNoWarningWhateverItsLoadAverage(@TempDir Path out) {
        // a load average that still holds the build just finished, or the benchmark's own threads, is no other work
        MachineInfo quiet = machine(state(0.04, 0.75, new MachineInfo.ProcessUse("sshd", 7, 0.02)), state(0.0, 2.1));
        assertEquals(Optional.empty(), BusyMachineWarning.of(quiet));
        ReportDocument.Block first = firstBlock(quiet, out);
        assertTrue(((ReportDocument.Paragraph) first).text().startsWith("Warning: r was measured from a tree"),
                first.toString());
    }

    @Test
    void aMachineFileFromBeforeTheSamplesReadsAndClaimsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("machine.json");
        Files.writeString(file, """
                {"schema": 1, "runId": "old", "logicalCores": 2,
                 "stateBefore": {"at": "t", "loadAverage": [1.49, 1.6, 2.19], "busiestProcesses": []},
                 "stateAfter": {"at": "t", "loadAverage": [1.69, 1.73, 1.88], "busiestProcesses": []}}""");
        MachineInfo old = MachineInfo.read(file);
        assertEquals(List.of(1.49, 1.6, 2.19), old.machine().stateBefore().loadAverage());
        assertEquals(null, old.machine().stateBefore().othersCpus());
        assertEquals(List.of(), old.machine().stateBefore().otherProcesses());
        assertEquals(Optional.empty(), BusyMachineWarning.of(old));
    }

    @Test
    void theSamplesRoundTripThroughTheFile(@TempDir Path dir) throws Exception {
        MachineInfo busy = machine(state(1.02, 1.12, new MachineInfo.ProcessUse("sh", 4242, 0.98)), null);
        Path file = dir.resolve("machine.json");
        busy.write(file);
        assertEquals(busy.machine().stateBefore(), MachineInfo.read(file).machine().stateBefore());
    }
}
