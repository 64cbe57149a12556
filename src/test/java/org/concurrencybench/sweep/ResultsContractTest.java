package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.report.MachineInfo;
import org.concurrencybench.report.RunReader;
import org.concurrencybench.report.RunResults;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep writes {@code machine.json} (Jackson, from {@link MachineInfo}'s components) and
 * {@code outcomes.json} (through {@link RunFolder}); the report reads both with its own
 * tolerant readers. This test holds the two sides to one contract: a field renamed on either side
 * fails here, where the report's hand-made fixtures would not notice.
 */
class ResultsContractTest {

    @TempDir
    Path run;

    @Test
    void whatTheSweepWritesTheReportReads() throws Exception {
        ObjectMapper json = new ObjectMapper();
        MachineInfo machine = new MachineInfo(MachineInfo.SCHEMA, "20261126-000000-box", "box",
                "host", "2026-11-26T00:00:00Z", "2026-11-26T00:10:00Z", "quick", "abc123", "Some CPU", 4, 8,
                16L << 30, "Linux", "6.1", "amd64", "Vendor", "25", true, "taskset", List.of(1, 2),
                Map.of("1", "0", "2", "0,1"), List.of("SEQUENTIAL"), List.of("SLEEP"), List.of(100), List.of("NONE", "PARETO"), List.of("SLEEP"), 4096L, null, null, null, null,
                Map.of("cpuUnits", "770"));
        json.writeValue(run.resolve("machine.json").toFile(), machine);
        Outcome written = Outcome.skipped(2, CapacityPlan.cell(Model.FIXED_POOL, Workload.SLEEP, 100_000), "too long",
                500_000L);
        new RunFolder(run).writeOutcomes(new java.util.TreeSet<>(), List.of(written));
        String jmh = """
                [{"benchmark":"org.concurrencybench.bench.ModelBenchmark.batch","mode":"avgt","threads":1,"forks":1,
                  "params":{"model":"SEQUENTIAL","workload":"SLEEP","tasks":"64"},
                  "primaryMetric":{"score":650.0,"scoreError":1.0,"scoreUnit":"ms/op","rawData":[[649.0,650.0,651.0]]},
                  "secondaryMetrics":{}}]""";
        Files.writeString(run.resolve("cores-1.json"), jmh);
        Files.writeString(run.resolve("cores-2.json"), jmh);

        RunResults read = RunReader.read(run);
        MachineInfo info = read.machine();
        assertEquals("20261126-000000-box", info.runId());
        assertEquals("box", info.label());
        assertEquals("Some CPU", info.cpuModel());
        assertEquals(4, info.physicalCores());
        assertEquals(8, info.logicalCores());
        assertEquals(16L << 30, info.memoryBytes());
        assertEquals("25", info.jdkVersion());
        assertEquals("quick", info.profile());
        assertEquals(Boolean.TRUE, info.pinned());
        assertEquals("taskset", info.pinning());
        assertEquals(List.of(1, 2), info.coreCounts());
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
