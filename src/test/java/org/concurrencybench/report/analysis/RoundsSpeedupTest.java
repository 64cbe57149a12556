package org.concurrencybench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RoundPool;
import org.concurrencybench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run made in rounds, read by the report: the machine drifted 10% slower each round, SEQUENTIAL
 * and FIXED_POOL alike (200 and 100 ms in round 1). Paired by round the speedup is exactly 2; a run
 * folder without rounds (the same numbers in one file) gets the unpaired interval, which the drift
 * widens.
 */
class RoundsSpeedupTest {

    @TempDir
    Path dir;

    /** One round's JMH entry of a CPU cell: {@code value} ms, two iterations 0.1% either side. */
    static String entry(String model, double value) {
        return "{\"benchmark\":\"org.concurrencybench.bench.ModelBenchmark.batch\",\"mode\":\"avgt\",\"threads\":1,"
                + "\"forks\":1,\"params\":{\"model\":\"" + model + "\",\"workload\":\"CPU\",\"tasks\":\"64\"},"
                + "\"primaryMetric\":{\"score\":" + value + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\",\"rawData\":[["
                + value * 0.999 + "," + value * 1.001 + "]]},\"secondaryMetrics\":{}}";
    }

    /** A run folder of four rounds at one core count; with {@code keepRounds} false, only the pooled file. */
    private Path run(String name, boolean keepRounds) throws Exception {
        Path run = dir.resolve(name);
        Files.createDirectories(run);
        ObjectNode machine = (ObjectNode) new ObjectMapper().readTree(
                Path.of("src/test/resources/report/laptop/machine.json").toFile());
        machine.putArray("coreCounts").add(1);
        new ObjectMapper().writeValue(run.resolve("machine.json").toFile(), machine);
        RoundFiles files = new RoundFiles(run);
        for (int round = 1; round <= 4; round++) {
            double drift = 1 + 0.1 * round;
            files.start(round);
            Files.writeString(files.partialStepFile(round, 1, "models"), "[" + entry("SEQUENTIAL", 200 * drift) + ","
                    + entry("FIXED_POOL", 100 * drift) + "]");
            files.finish(round);
        }
        new ObjectMapper().writeValue(new RunFolder(run).coresFile(1).toFile(),
                RoundPool.read(files, 1).stream().map(RoundPool.Pooled::jmhEntry).toList());
        if (!keepRounds) {
            try (var walk = Files.walk(files.dir())) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return run;
    }

    private static RatioEstimate speedup(Path run) {
        RunResults results = RunReader.read(run);
        List<WorkloadScaling> scaling = new ScalingAnalysis(0.95).analyse(results, warning -> { });
        WorkloadScaling cpu = scaling.stream().filter(w -> w.group().contains("CPU")).findFirst().orElseThrow();
        return cpu.cell("FIXED_POOL", 1).orElseThrow().speedupSameCores();
    }

    @Test
    void theReportPairsARunsCellsByRound() throws Exception {
        RatioEstimate paired = speedup(run("rounds", true));
        assertEquals(2.0, paired.value(), 1e-9);
        assertEquals(2.0, paired.low(), 1e-6);
        assertEquals(2.0, paired.high(), 1e-6);
        RatioEstimate unpaired = speedup(run("no-rounds", false));
        assertEquals(2.0, unpaired.value(), 1e-9);
        assertTrue(unpaired.high() - unpaired.low() > 0.2, "the drift widens an unpaired interval: " + unpaired);
    }
}
