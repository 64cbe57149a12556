package org.concurrencybench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.report.input.RunReader;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RoundPool;
import org.concurrencybench.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose model cell was rerun and whose baselines were not (as sweeps did before they reran a
 * cell's baselines with it): FIXED_POOL ran rounds 1-5 at 1 and 2 cores, SEQUENTIAL rounds 1-3 at
 * 1 core and 1-4 at 2 cores. In every round FIXED_POOL takes exactly half SEQUENTIAL's time (the
 * machine drifting alike for both), except in its rounds 4 and 5, which SEQUENTIAL at 1 core never
 * saw and which are planted 50% slower. The speedups rest on rounds 1-3, the rounds all three
 * cells ran, so they are 2; the times printed beside them must come from those rounds too, so that
 * SEQUENTIAL's time over FIXED_POOL's is the speedup and not the 1.51 that the slow rounds make of it.
 */
class SharedRoundsSpeedupTest {

    @TempDir
    Path dir;

    /** One round's JMH entry of a CPU cell, as {@link RoundsSpeedupTest} writes it. */
    private static String entry(String model, double value) {
        return RoundsSpeedupTest.entry(model, value);
    }

    private Path run() throws Exception {
        Path run = dir.resolve("chased");
        Files.createDirectories(run);
        ObjectNode machine = (ObjectNode) new ObjectMapper().readTree(
                Path.of("src/test/resources/report/laptop/machine.json").toFile());
        machine.putArray("coreCounts").add(1).add(2);
        new ObjectMapper().writeValue(run.resolve("machine.json").toFile(), machine);
        RoundFiles files = new RoundFiles(run);
        for (int round = 1; round <= 5; round++) {
            double drift = 1 + 0.1 * round;
            double slow = round >= 4 ? 1.5 : 1;
            files.start(round);
            for (int cores : new int[] {1, 2}) {
                List<String> entries = new ArrayList<>();
                if (round <= (cores == 1 ? 3 : 4)) {
                    entries.add(entry("SEQUENTIAL", 200 * drift));
                }
                entries.add(entry("FIXED_POOL", 100 / cores * drift * slow));
                Files.writeString(files.partialStepFile(round, cores, "models"), "[" + String.join(",", entries) + "]");
            }
            files.finish(round);
        }
        for (int cores : new int[] {1, 2}) {
            new ObjectMapper().writeValue(new RunFolder(run).coresFile(cores).toFile(),
                    RoundPool.read(files, cores).stream().map(RoundPool.Pooled::jmhEntry).toList());
        }
        return run;
    }

    @Test
    void aSpeedupAndTheTimesBesideItRestOnTheRoundsAllItsCellsRan() throws Exception {
        WorkloadScaling cpu = new ScalingAnalysis(0.95).analyse(RunReader.read(run()), warning -> { }).stream()
                .filter(w -> w.group().contains("CPU")).findFirst().orElseThrow();
        ScalingCell sequential = cpu.cell("SEQUENTIAL", 1).orElseThrow();
        for (int cores : new int[] {1, 2}) {
            ScalingCell pool = cpu.cell("FIXED_POOL", cores).orElseThrow();
            double expected = 2.0 * cores;
            assertEquals(expected, pool.speedupOverOneCore().value(), 1e-9, "paired on rounds 1-3 at " + cores);
            assertEquals(pool.speedupOverOneCore().value(), sequential.time().mean() / pool.time().mean(), 1e-9,
                    "the printed times divide to the speedup at " + cores + " cores: " + pool.time());
            assertEquals(3, pool.time().units(), "rounds 1-3 only");
            assertEquals(6, pool.time().n(), "two iterations in each of three rounds");
            assertTrue(pool.roundsNote().startsWith("rounds 1, 2, 3 (this cell ran 5)"), pool.roundsNote());
        }
        ScalingCell pool2 = cpu.cell("FIXED_POOL", 2).orElseThrow();
        ScalingCell sequential2 = cpu.cell("SEQUENTIAL", 2).orElseThrow();
        assertEquals(4.0, pool2.speedupSameCores().value(), 1e-9, "SEQUENTIAL takes as long at 2 cores");
        assertEquals(3, sequential2.time().units(), "SEQUENTIAL at 2 cores cut to the rounds its 1-core baseline ran");
        assertEquals(pool2.speedupSameCores().value(), sequential2.time().mean() / pool2.time().mean(), 1e-9);
    }
}
