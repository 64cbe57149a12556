package org.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Task;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Uneven batches are still checked batches: under every spread, in either order, every one of the
 * nine models (and PROCESS_POOL cutting Pool.map's chunks) returns SEQUENTIAL's checksum for the
 * same batch, so each did all of the work.
 */
class SpreadChecksumIT {

    /** Small tasks: a second of work in all, most of it the worker JVMs' start-up. */
    private static final WorkloadSettings SMALL = new WorkloadSettings(20, 1_000, 3, 32, 9);
    private static final int TASKS = 9;

    @AfterEach
    void noWorkerIsLeftAfterClose() {
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    @Test
    void everyModelGivesSequentialsChecksumUnderEverySpread() throws Exception {
        Map<String, RunnerSettings> variants = new LinkedHashMap<>();
        for (Model model : Model.values()) {
            variants.put(model.name(), RunnerSettings.withParallelism(2));
        }
        variants.put("PROCESS_POOL chunksize=0", RunnerSettings.withParallelism(2).withChunksize(0));
        variants.put("PROCESS_POOL chunksize=4", RunnerSettings.withParallelism(2).withChunksize(4));
        try (EchoServer echo = EchoServer.start()) {
            Map<String, ModelRunner> runners = new LinkedHashMap<>();
            try {
                variants.forEach((name, settings) -> runners.put(name, Model.valueOf(name.split(" ")[0]).newRunner(settings)));
                for (Workload workload : Workload.BUILT_IN) {
                    List<Long> bySpread = new ArrayList<>();
                    for (SizeSpread spread : SizeSpread.values()) {
                        List<Task> batch = workload.batch(TASKS, SMALL, spread, 7, 500, echo.address());
                        long expected = runners.get("SEQUENTIAL").runBatch(batch);
                        bySpread.add(expected);
                        for (var entry : runners.entrySet()) {
                            List<Task> tasks = entry.getKey().equals("PROCESS_PER_TASK") && workload != Workload.CPU
                                    ? null : batch; // a JVM per task: CPU only, to keep the test short
                            if (tasks != null) {
                                assertEquals(expected, entry.getValue().runBatch(tasks),
                                        entry.getKey() + ", " + workload + ", " + spread);
                            }
                        }
                        assertEquals(expected, runners.get("FIXED_POOL").runBatch(
                                SubmissionOrder.LARGEST_FIRST.arrange(batch)), "largest first, " + workload + ", " + spread);
                    }
                    if (workload != Workload.SLEEP) { // a sleep's checksum is its seed's alone
                        assertNotEquals(bySpread.get(0), bySpread.get(SizeSpread.PARETO.ordinal()),
                                workload + ": other sizes, other work, another checksum");
                    }
                }
            } finally {
                runners.values().forEach(ModelRunner::close);
            }
        }
    }
}
