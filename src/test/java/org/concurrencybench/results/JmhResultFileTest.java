package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one reader of JMH's {@code -rf json}, on files JMH 1.37 wrote for the sweep: a default-profile
 * core count (5 forks), a quick look's entries (one fork, so JMH writes its error as "NaN") and the
 * entry of a cell whose third measured iteration failed (JMH still wrote the two before it).
 */
class JmhResultFileTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(JmhResultFileTest.class.getResource("/results/jmh/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsADefaultProfilesCoreCount() throws Exception {
        Path file = resource("default-5-forks.json");
        List<BenchmarkResult> results = JmhResultFile.read(file);
        assertEquals(6, results.size());
        BenchmarkResult first = results.get(0);
        assertEquals("org.concurrencybench.bench.ModelBenchmark.batch", first.benchmark());
        assertTrue(first.is("ModelBenchmark", "batch"));
        assertEquals("avgt", first.mode());
        assertEquals(1, first.threads());
        assertEquals(5, first.forks());
        assertEquals("SEQUENTIAL", first.param("model"));
        assertEquals("64", first.param("tasks"), "parameters stay the strings JMH writes");
        assertEquals("ms/op", first.primary().unit());
        assertEquals(5, first.primary().rawData().size(), "one list per fork");
        assertTrue(first.primary().rawData().stream().allMatch(fork -> fork.size() == 3), "3 measured iterations");
        assertEquals(15, first.primary().samples().length);
        assertTrue(Double.isFinite(first.primary().scoreError()), "five forks give JMH an error");
        assertEquals(new ObjectMapper().readTree(file.toFile()).get(0), JmhResultFile.entries(file).get(0).source(),
                "the entry as JMH wrote it, for a file gathered from steps");
    }

    @Test
    void readsOneForkWhoseErrorJmhWritesAsNaN() {
        List<BenchmarkResult> results = JmhResultFile.read(resource("quick-1-fork.json"));
        BenchmarkResult batch = results.get(0);
        assertEquals(1, batch.forks());
        assertEquals(List.of(List.of(217.66579, 194.999588)), batch.primary().rawData());
        assertTrue(Double.isNaN(batch.primary().scoreError()), "the string \"NaN\" reads as NaN");
        assertEquals(206.332689, batch.primary().score());
        assertTrue(results.get(1).is("ConvoyBenchmark", "roundTrip"));
        assertEquals(1, results.get(1).primary().rawData().size());
    }

    @Test
    void readsTheIterationsBeforeAFailureAndTheProfilersMetrics() {
        BenchmarkResult failed = JmhResultFile.read(resource("failed-iteration.json")).get(0);
        assertTrue(failed.is("CapacityBenchmark", "batch"));
        assertArrayEquals(new double[] {2106.356236, 1865.279492}, failed.primary().samples(),
                "two of the three planned iterations: the third failed");
        Metric allocation = failed.secondary().get("gc.alloc.rate.norm");
        assertEquals("B/op", allocation.unit());
        assertEquals(759165972.0, allocation.score());
    }

    @Test
    void anEntryWithoutRawDataHasNoForks() throws Exception {
        Path file = dir.resolve("cores-1.json");
        Files.writeString(file, """
                [{"benchmark":"x.ModelBenchmark.batch","primaryMetric":{"score":"NaN","scoreUnit":"ms/op"}}]""");
        BenchmarkResult result = JmhResultFile.read(file).get(0);
        assertEquals(List.of(), result.primary().rawData());
        assertTrue(Double.isNaN(result.primary().score()));
        assertEquals(java.util.Map.of(), result.params());
        assertEquals(java.util.Map.of(), result.secondary());
    }

    @Test
    void whatIsNotJmhOutputIsNamed() throws Exception {
        Path object = dir.resolve("cores-2.json");
        Files.writeString(object, "{\"benchmark\":\"x\"}");
        RunFolderException error = assertThrows(RunFolderException.class, () -> JmhResultFile.read(object));
        assertEquals(object + ": not JMH JSON output (expected an array of benchmark results, found object)",
                error.getMessage());
        Files.writeString(object, "[{\"benchmark\":\"x\"}]");
        error = assertThrows(RunFolderException.class, () -> JmhResultFile.read(object));
        assertEquals(object + ": entry 0 is not a JMH result (it needs \"benchmark\" and \"primaryMetric\")",
                error.getMessage());
        Files.writeString(object, "[{\"benchmark\":\"x\",\"primaryMetric\":{\"score\":[1]}}]");
        error = assertThrows(RunFolderException.class, () -> JmhResultFile.read(object));
        assertTrue(error.getMessage().startsWith(object + ": field primaryMetric.score: "), error.getMessage());
    }
}
