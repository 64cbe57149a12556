package org.concurrencybench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java half of the cross-check between this suite's tasks and the CPython companion's
 * ({@code python/cpybench/kernel.py}): the checksums the Java tasks give for seeds and sizes that
 * reach every overflow case (negative seeds, {@code Long.MIN_VALUE} and {@code MAX_VALUE}), as a
 * fixture that {@code python/tests/test_kernel.py} recomputes with the Python kernel.
 *
 * <p>This test recomputes the fixture and fails if the checked-in file differs, so neither side can
 * drift alone. {@code mvn test -Dtest=CrossLanguageChecksumTest -Dfixtures.write=true} rewrites it
 * (after a deliberate change of the kernel, which the Python side must then follow).
 */
class CrossLanguageChecksumTest {

    static final Path FIXTURE = Path.of("python", "tests", "fixtures", "java-checksums.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long[] SEEDS = {0, 1, -1, 42, 1_234_567_890_123L, Long.MIN_VALUE, Long.MAX_VALUE};

    record CpuCase(long seed, int units, long checksum) {
    }

    record SleepCase(long seed, long checksum) {
    }

    record IoCase(long seed, int roundTrips, int bytes, long checksum) {
    }

    /** A batch's checksum: the Java long sum the models return, wrapping on overflow. */
    record BatchCase(String workload, int tasks, long seedBase, int cpuUnits, long sum) {
    }

    record Fixture(String writtenBy, List<CpuCase> cpu, List<SleepCase> sleep, List<IoCase> io, List<BatchCase> batch) {
    }

    @Test
    void checkedInFixtureHoldsTheJavaTasksChecksums() throws Exception {
        Fixture computed = compute();
        if (Boolean.getBoolean("fixtures.write")) {
            Files.createDirectories(FIXTURE.getParent());
            JSON.writeValue(FIXTURE.toFile(), computed);
        }
        Fixture checkedIn = JSON.readValue(FIXTURE.toFile(), Fixture.class);
        assertEquals(computed, checkedIn, FIXTURE + " is stale: rewrite it with -Dfixtures.write=true");
    }

    private static Fixture compute() throws Exception {
        List<CpuCase> cpu = new ArrayList<>();
        List<SleepCase> sleep = new ArrayList<>();
        List<IoCase> io = new ArrayList<>();
        try (EchoServer server = EchoServer.start()) {
            for (long seed : SEEDS) {
                for (int units : new int[] {0, 1, 3}) {
                    cpu.add(new CpuCase(seed, units, new CpuTask(seed, units).run(ExecutionHooks.NONE)));
                }
                sleep.add(new SleepCase(seed, new SleepTask(seed, 0).run(ExecutionHooks.NONE)));
                // Through a real echo server: the checksum an I/O task returns, not a formula for it.
                io.add(new IoCase(seed, 3, 256, new IoTask(seed, 3, 256, server.address()).run(ExecutionHooks.NONE)));
            }
        }
        long seedBase = Long.MAX_VALUE - 2; // the seeds wrap past MAX_VALUE inside the batch
        List<BatchCase> batch = List.of(
                new BatchCase("CPU", 5, seedBase, 2, sum(Workload.CPU.batch(5, sizes(2), seedBase, null))),
                new BatchCase("SLEEP", 5, seedBase, 2, sum(Workload.SLEEP.batch(5, sizes(2), seedBase, null))));
        return new Fixture(CrossLanguageChecksumTest.class.getName(), cpu, sleep, io, batch);
    }

    private static WorkloadSettings sizes(int cpuUnits) {
        return new WorkloadSettings(cpuUnits, 0, 1, 1, 0);
    }

    private static long sum(List<Task> tasks) throws Exception {
        long sum = 0;
        for (Task task : tasks) {
            sum += task.run(ExecutionHooks.NONE);
        }
        return sum;
    }
}
