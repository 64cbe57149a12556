package org.concurrencybench.report.input;

import org.concurrencybench.report.Fixtures;

import org.concurrencybench.results.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.Metric;

class RunReaderTest {

    @Test
    void readsMachineAndEveryCoreCount() {
        RunResults run = RunReader.read(Fixtures.run("laptop"));
        assertEquals("laptop-run", run.runId());
        assertEquals("laptop", run.machine().displayName());
        assertEquals(Boolean.TRUE, run.machine().pinning().pinned());
        assertEquals(List.of(1, 2, 4), List.copyOf(run.byCores().keySet()));
        assertEquals(List.of(1, 2, 4), run.machine().plan().coreCounts());
        assertEquals(17179869184L, run.machine().machine().memoryBytes());
    }

    @Test
    void handlesJmhQuirks() {
        RunResults run = RunReader.read(Fixtures.run("laptop"));
        BenchmarkResult nan = run.of("ModelBenchmark", 4).stream()
                .filter(r -> r.param("model", "").equals("MY_MODEL")).findFirst().orElseThrow();
        assertTrue(Double.isNaN(nan.primary().score()), "the string \"NaN\" reads as NaN");
        assertFalse(nan.primary().hasRawData(), "missing rawData reads as none");
        assertEquals(0, nan.primary().samples().length);

        BenchmarkResult capacity = run.of("CapacityBenchmark", 4).get(0);
        Metric allocation = capacity.secondaryMetric("gc.alloc.rate.norm");
        assertEquals("B/op", allocation.unit(), "the metric named with JMH's leading middle dot is found");
        assertEquals("1000", capacity.params().get("tasks"), "params stay strings");

        BenchmarkResult sequential = run.of("ModelBenchmark", 1).get(0);
        assertEquals(6, sequential.primary().samples().length, "2 forks x 3 iterations");
        assertEquals("batch", sequential.method());
    }

    @Test
    void readsOutcomesWithAndWithoutPrediction() {
        List<Outcome> outcomes = RunReader.read(Fixtures.run("laptop")).outcomes();
        assertEquals(2, outcomes.size());
        assertEquals(Outcome.Status.FAILED, outcomes.get(0).status());
        assertEquals("THREAD_PER_TASK", outcomes.get(0).model(), "an earlier sweep's fields read as parameters");
        assertEquals(100_000, outcomes.get(0).tasks());
        assertNull(outcomes.get(0).predictedMillis());
        assertEquals(2010L, outcomes.get(1).predictedMillis());
    }

    @Test
    void damagedFileNamesFileAndPosition() {
        ReportException error = assertThrows(ReportException.class, () -> RunReader.read(Fixtures.run("damaged")));
        assertTrue(error.getMessage().matches(".*damaged[/\\\\]cores-1\\.json: damaged JSON at line \\d+, column \\d+: .*"),
                error.getMessage());
    }

    @Test
    void truncatedFileSaysTruncated() {
        ReportException error = assertThrows(ReportException.class, () -> RunReader.read(Fixtures.run("truncated")));
        assertTrue(error.getMessage().endsWith("cores-1.json: truncated JSON, the file ends in the middle of a value"
                + " (was the run interrupted?)"), error.getMessage());
    }

    @Test
    void emptyFileSaysEmpty() {
        ReportException error = assertThrows(ReportException.class, () -> RunReader.read(Fixtures.run("empty")));
        assertTrue(error.getMessage().endsWith("cores-1.json: empty file (the run that wrote it probably stopped early)"),
                error.getMessage());
    }

    @Test
    void missingFolderAndMachineFile(@TempDir Path temp) throws Exception {
        ReportException noFolder = assertThrows(ReportException.class, () -> RunReader.read(temp.resolve("nope")));
        assertTrue(noFolder.getMessage().endsWith("nope: no such run folder"), noFolder.getMessage());
        ReportException noMachine = assertThrows(ReportException.class, () -> RunReader.read(temp));
        assertTrue(noMachine.getMessage().contains("machine.json: file not found"), noMachine.getMessage());
        Files.writeString(temp.resolve("machine.json"), "{\"runId\": \"x\"}");
        ReportException noResults = assertThrows(ReportException.class, () -> RunReader.read(temp));
        assertTrue(noResults.getMessage().contains("no core count has finished yet"), noResults.getMessage());
    }

    @Test
    void wrongShapeIsNamed(@TempDir Path temp) throws Exception {
        Fixtures.copy("laptop", temp);
        Files.writeString(temp.resolve("cores-2.json"), "{\"benchmark\": \"x\"}");
        ReportException error = assertThrows(ReportException.class, () -> RunReader.read(temp));
        assertTrue(error.getMessage().endsWith("cores-2.json: not JMH JSON output (expected an array of benchmark"
                + " results, found object)"), error.getMessage());
    }

    @Test
    void aSizeSkippedForTheConnectionLimitHasNoPredictedTime(@TempDir Path temp) throws Exception {
        // as results/20261201-081732-dev-2core's outcomes.json has it: the predictor's 10 ms beside a port limit
        Fixtures.copy("laptop", temp);
        Files.writeString(temp.resolve("outcomes.json"), """
                [{"cores": 4, "benchmark": "org.concurrencybench.bench.CapacityBenchmark.batch",
                  "params": {"model": "EVENT_LOOP", "workload": "IO", "tasks": "10000"}, "status": "SKIPPED",
                  "reason": "10000 concurrent connections; this machine has room for about 9962 (ephemeral ports, open files)",
                  "predictedMillis": 10},
                 {"cores": 4, "benchmark": "org.concurrencybench.bench.CapacityBenchmark.batch",
                  "params": {"model": "SEQUENTIAL", "workload": "IO", "tasks": "10000"}, "status": "SKIPPED",
                  "reason": "predicted batch time 1m40s is over the limit of 20s (--max-batch-seconds)",
                  "predictedMillis": 100000}]
                """);
        List<Outcome> outcomes = RunReader.read(temp).outcomes();
        assertNull(outcomes.get(0).predictedMillis(), "a limit of the machine is a reason, not a time");
        assertEquals(100_000L, outcomes.get(1).predictedMillis());
    }
}
