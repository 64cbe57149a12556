package org.concurrencybench.sweep.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.Outcome;
import org.junit.jupiter.api.Test;

/** The settlement of cells on what JMH 1.37 really wrote and said for them. */
class CellSettlementTest {

    private static final String CAPACITY = "org.concurrencybench.bench.CapacityBenchmark.batch";
    private static final String MODELS = "org.concurrencybench.bench.ModelBenchmark.batch";

    private static List<BenchmarkResult> results(String name) throws URISyntaxException {
        return JmhResultFile.read(Path.of(CellSettlementTest.class.getResource("/results/jmh/" + name).toURI()));
    }

    private static List<JmhConsole.Failure> failures(String log) throws IOException {
        JmhConsole console = new JmhConsole();
        try (InputStream in = CellSettlementTest.class.getResourceAsStream("/sweep/" + log)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(console::accept);
        }
        return console.failures();
    }

    @Test
    void aCellWithAFailedIterationFailsThoughJmhWroteAResult() throws Exception {
        // JMH's file and its log of the same invocation: the third iteration failed, JMH kept the two before it.
        Cell cell = new Cell(CAPACITY, Map.of("model", "EVENT_LOOP", "workload", "IO", "tasks", "10000"));
        CellSettlement.Settled settled = CellSettlement.settle(2, List.of(cell), results("failed-iteration.json"),
                failures("jmh-failed-iteration.log"), c -> "no result");
        assertEquals(List.of(), settled.measured(), "nothing that failed is kept as a number");
        Outcome failed = settled.failed().get(0);
        assertEquals(Outcome.Status.FAILED, failed.status());
        assertTrue(cell.is(failed));
        assertTrue(failed.reason().startsWith("org.concurrencybench.model.BatchFailedException"), failed.reason());
    }

    @Test
    void measuredCellsKeepJmhsEntriesAndACellJmhDidNotRunFails() throws Exception {
        List<BenchmarkResult> results = results("quick-1-fork.json");
        Cell measured = new Cell(MODELS, Map.of("model", "SEQUENTIAL", "workload", "CPU", "tasks", "32"));
        Cell missing = new Cell(MODELS, Map.of("model", "FIXED_POOL", "workload", "CPU", "tasks", "32"));
        CellSettlement.Settled settled = CellSettlement.settle(1, List.of(measured, missing), results, List.of(),
                c -> "no result from JMH");
        assertEquals(List.of(results.get(0), results.get(1)), settled.measured(),
                "the planned cell's entry, and the entry no cell claims, as JMH wrote them");
        assertEquals(List.of(Outcome.failed(1, missing, "no result from JMH")), settled.failed());
    }
}
