package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.concurrencybench.workload.CpuTask;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pool.map's chunks, against CPython itself, and the submission order. The known answers are the
 * chunk lengths CPython 3.11.7's {@code multiprocessing.Pool.map} cut with {@code chunksize=None},
 * recorded by {@code src/test/fixture-tools/pool_map_chunks.py}.
 */
class PoolMapChunksTest {

    @ParameterizedTest(name = "{0} tasks on {1} workers")
    @CsvSource(delimiter = ';', value = {
        "64;2;8 8 8 8 8 8 8 8",
        "64;4;4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4",
        "10;4;1 1 1 1 1 1 1 1 1 1",
        "100;3;9 9 9 9 9 9 9 9 9 9 9 1",
        "1;1;1",
        "7;1;2 2 2 1",
        "65;2;9 9 9 9 9 9 9 2",
        "17;3;2 2 2 2 2 2 2 2 1",
        "33;16;1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"})
    void chunkBoundariesAreCPythonsAndEveryTaskIsInExactlyOneChunk(int tasks, int workers, String cpythonChunks) {
        List<Integer> batch = IntStream.range(0, tasks).boxed().toList();
        int size = PoolMapChunks.chunksize(PoolMapChunks.CPYTHON_DEFAULT, tasks, workers);
        List<List<Integer>> chunks = PoolMapChunks.split(batch, size);
        assertEquals(cpythonChunks, String.join(" ", chunks.stream().map(c -> Integer.toString(c.size())).toList()));
        List<Integer> joined = new ArrayList<>();
        chunks.forEach(joined::addAll);
        assertEquals(batch, joined, "every task once, in order");
    }

    @Test
    void aThousandTasksOnEightWorkersAsCPythonCutsThem() {
        // 1000 = 31 x 32 + 8: divmod(1000, 32) = (31, 8), so chunksize 32, the last chunk 8.
        List<List<Integer>> chunks = PoolMapChunks.split(IntStream.range(0, 1000).boxed().toList(),
                PoolMapChunks.defaultChunksize(1000, 8));
        assertEquals(32, chunks.size());
        assertTrue(chunks.subList(0, 31).stream().allMatch(c -> c.size() == 32));
        assertEquals(8, chunks.get(31).size());
    }

    @Test
    void anExplicitChunksizeIsUsedAsItIsAndBadOnesAreRejected() {
        assertEquals(1, PoolMapChunks.chunksize(1, 64, 2));
        assertEquals(5, PoolMapChunks.chunksize(5, 64, 2));
        assertEquals(0, PoolMapChunks.defaultChunksize(0, 2), "CPython: an empty input has chunksize 0");
        assertThrows(IllegalArgumentException.class, () -> PoolMapChunks.chunksize(-1, 64, 2));
        assertThrows(IllegalArgumentException.class, () -> PoolMapChunks.split(List.of(1), 0));
        IllegalArgumentException settings = assertThrows(IllegalArgumentException.class,
                () -> RunnerSettings.withParallelism(2).withChunksize(-3));
        assertTrue(settings.getMessage().contains("chunksize must be >= 0"), settings.getMessage());
    }

    @Test
    void largestFirstIsAPermutationOfTheBatchLargestFirstTiesInOrder() {
        List<Task> batch = Workload.CPU.batch(64, WorkloadSettings.DEFAULT, SizeSpread.PARETO, 3, 100, null);
        List<Task> sorted = SubmissionOrder.LARGEST_FIRST.arrange(batch);
        assertEquals(batch.size(), sorted.size());
        for (Task task : batch) {
            assertEquals(1, sorted.stream().filter(t -> t == task).count(), "each task exactly once: " + task);
        }
        for (int i = 1; i < sorted.size(); i++) {
            CpuTask before = (CpuTask) sorted.get(i - 1);
            CpuTask after = (CpuTask) sorted.get(i);
            assertTrue(before.units() > after.units()
                    || before.units() == after.units() && before.seed() < after.seed(), "position " + i);
        }
        assertTrue(((CpuTask) sorted.get(0)).units() > ((CpuTask) batch.get(0)).units(), "the order did change");
        assertSame(batch, SubmissionOrder.AS_GENERATED.arrange(batch));
        List<Task> even = Workload.SLEEP.batch(5, WorkloadSettings.DEFAULT, 1, null);
        assertEquals(even, SubmissionOrder.LARGEST_FIRST.arrange(even), "equal sizes keep their order");
        assertThrows(IllegalArgumentException.class, () -> SubmissionOrder.LARGEST_FIRST.arrange(List.<Task>of(h -> 1L, h -> 2L)));
    }
}
