package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A whole sweep, with a stand-in for {@code java} that writes a JMH-shaped result file instead of
 * running JMH: which files a run leaves, that a core count with a failed step is kept only as
 * {@code .partial} (so {@code --resume} measures it again), and that the report is written.
 */
class SweepRunTest {

    private static final String RESULT = "[{\"benchmark\":\"org.concurrencybench.bench.ModelBenchmark.batch\","
            + "\"mode\":\"avgt\",\"threads\":1,\"forks\":1,\"params\":{\"model\":\"SEQUENTIAL\",\"workload\":\"CPU\","
            + "\"tasks\":\"64\"},\"primaryMetric\":{\"score\":300.0,\"scoreError\":1.0,\"scoreUnit\":\"ms/op\","
            + "\"rawData\":[[299.0,300.0,301.0]]},\"secondaryMetrics\":{}}]";

    @TempDir
    Path dir;
    private Path fakeJava;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void writeFakeJava() throws Exception {
        fakeJava = dir.resolve("fake-java");
        Files.writeString(fakeJava, """
                #!/bin/sh
                # Stands in for `java -jar benchmarks.jar ...`: writes a result to the -rff file; the
                # convoy's runs fail as JMH does when a benchmark throws.
                out=""; prev=""
                for a in "$@"; do [ "$prev" = "-rff" ] && out="$a"; prev="$a"; done
                case "$*" in *ConvoyBenchmark*) echo "<failure>"; echo ""; echo "java.lang.IllegalStateException: boom"; exit 1;; esac
                echo '%s' > "$out"
                """.formatted(RESULT));
        assertTrue(fakeJava.toFile().setExecutable(true));
    }

    private Sweep sweep(String... workloads) {
        SweepCommand command = new SweepCommand();
        new CommandLine(command).parseArgs("--quick", "--cores", "1,2", "--models", "SEQUENTIAL", "--workloads",
                String.join(",", workloads), "--label", "t", "--results", dir.resolve("results").toString(),
                "--charts", dir.resolve("charts").toString(), "--no-python");
        SweepSettings settings = SweepSettings.resolve(command, CpuTopology.read(Path.of("/nonexistent"),
                new TreeSet<>(List.of(0, 1))));
        return new Sweep(settings, new PrintStream(console, true, StandardCharsets.UTF_8), fakeJava.toString());
    }

    private Path runDir() throws Exception {
        try (var runs = Files.list(dir.resolve("results"))) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void aCompleteSweepLeavesOneFilePerCoreCountTheMachineAndTheReport() throws Exception {
        assertTrue(sweep("CPU").run(false), console.toString());
        Path run = runDir();
        for (String file : List.of("cores-1.json", "cores-2.json", "machine.json")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file + " in " + run);
        }
        JsonNode cores = new ObjectMapper().readTree(run.resolve("cores-2.json").toFile());
        assertEquals(1, cores.size(), "JMH's entries, as written");
        assertEquals("SEQUENTIAL", cores.get(0).get("params").get("model").asText());
        JsonNode machine = new ObjectMapper().readTree(run.resolve("machine.json").toFile());
        assertFalse(machine.get("finishedAt").isNull());
        assertEquals("[1,2]", machine.get("coreCounts").toString());
        assertTrue(Files.isRegularFile(dir.resolve("charts").resolve(run.getFileName()).resolve("report.md")));
        assertTrue(console.toString().contains("[2/2] cores=2"), console.toString());
    }

    @Test
    void aCoreCountWithAFailedStepIsKeptAsPartialForResume() throws Exception {
        assertFalse(sweep("CPU", "CONVOY").run(false), console.toString());
        Path run = runDir();
        assertFalse(Files.exists(run.resolve("cores-1.json")), "no core count is complete");
        assertTrue(Files.isRegularFile(run.resolve("cores-1.json.partial")));
        assertTrue(console.toString().contains("FAILED: java.lang.IllegalStateException: boom"), console.toString());
        assertTrue(console.toString().contains("--resume"), console.toString());
    }
}
