package org.concurrencybench.sweep;

import org.concurrencybench.sweep.machine.CpuTopology;
import org.concurrencybench.sweep.machine.MachineState;
import org.concurrencybench.sweep.plan.CapacityPlan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep writes {@code machine.json} (its own {@link MachineDescription}, through
 * {@link MachineInfo#write}) and {@code outcomes.json} (through {@link RunFolder}); the report
 * reads the folder with {@link RunReader}. This test holds the two sides to one contract: a field renamed on either side
 * fails here, where the report's hand-made fixtures would not notice.
 */
class ResultsContractTest {

    @TempDir
    Path run;

    @Test
    void whatTheSweepWritesTheReportReads() throws Exception {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--quick", "--cores", "1,2", "--models", "SEQUENTIAL", "--workloads", "SLEEP",
                "--label", "box", "--param", "cpuUnits=770", "--results", run.getParent().toString());
        SweepSettings settings = SweepSettings.resolve(command.request(), CpuTopology.read(Path.of("/nonexistent"), new java.util.TreeSet<>(List.of(0, 1, 2, 3))));
        MachineInfo machine = MachineDescription.of(settings, MachineState.now()).withFinishedAt("2026-11-26T00:10:00Z");
        machine.write(new RunFolder(run).machineFile());
        Outcome written = Outcome.skipped(2, CapacityPlan.cell(Model.FIXED_POOL, Workload.SLEEP, 100_000), "too long",
                500_000L);
        String jmh = """
                [{"benchmark":"org.concurrencybench.bench.ModelBenchmark.batch","mode":"avgt","threads":1,"forks":1,
                  "params":{"model":"SEQUENTIAL","workload":"SLEEP","tasks":"64"},
                  "primaryMetric":{"score":650.0,"scoreError":1.0,"scoreUnit":"ms/op","rawData":[[649.0,650.0,651.0]]},
                  "secondaryMetrics":{}}]""";
        // The sweep's own writer of a finished core count: JMH's entries, as the steps left them.
        List<com.fasterxml.jackson.databind.JsonNode> entries = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(jmh).forEach(entries::add);
        new RunFolder(run).writeCoreCount(1, entries, List.of());
        new RunFolder(run).writeCoreCount(2, entries, List.of(written));
        assertTrue(Files.notExists(new RunFolder(run).unfinishedFile(2)), "a finished core count leaves no unfinished file");

        RunResults read = RunReader.read(run);
        MachineInfo info = read.machine();
        assertEquals(settings.run().runId(), info.runId());
        assertEquals("box", info.label());
        assertEquals("QUICK", info.plan().profile().toUpperCase(java.util.Locale.ROOT));
        assertEquals(List.of(1, 2), info.plan().coreCounts());
        assertEquals(Map.of("cpuUnits", "770"), info.plan().params());
        assertEquals(machine, info, "every field survives the round trip, the sweep's settings too");
        assertEquals(List.of(1, 2), List.copyOf(read.byCores().keySet()));
        Outcome outcome = read.outcomes().get(0);
        assertEquals(written, outcome, "every field of an outcome survives the round trip");
        assertEquals("FIXED_POOL", outcome.model());
        assertEquals(100_000, outcome.tasks());
        assertEquals(Outcome.Status.SKIPPED, outcome.status());
        assertTrue(outcome.benchmark().endsWith("CapacityBenchmark.batch"));
    }
}
