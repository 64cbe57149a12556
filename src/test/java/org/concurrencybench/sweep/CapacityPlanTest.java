package org.concurrencybench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;

/** Which capacity sizes run, and which are skipped or recorded as failed, with why. */
class CapacityPlanTest {

    private static final List<Integer> SIZES = List.of(100, 1000, 10_000, 100_000);

    @Test
    void aSmallPoolSkipsTheSizesItCouldNotDrainInTime() {
        List<CapacityPlan.ModelPlan> plans = CapacityPlan.plan(List.of(Model.FIXED_POOL, Model.VIRTUAL_THREADS),
                List.of(Workload.SLEEP), SIZES, 2, Duration.ofSeconds(60), 50_000);
        assertEquals(2, plans.size(), "SLEEP only, one plan per model");
        CapacityPlan.ModelPlan pool = plans.get(0);
        // 2 threads: 10,000 sleeps of 10 ms take 50 s, 100,000 take 500 s.
        assertEquals(List.of(100, 1000, 10_000), pool.run());
        assertEquals(1, pool.skipped().size());
        CapacityPlan.Outcome skipped = pool.skipped().get(0);
        assertEquals("SKIPPED", skipped.status());
        assertEquals(100_000, skipped.tasks());
        assertEquals(500_000L, skipped.predictedMillis());
        assertTrue(skipped.reason().contains("over the limit"), skipped.reason());
        assertEquals(SIZES, plans.get(1).run(), "virtual threads overlap every wait");
    }

    @Test
    void ioSizesBeyondTheMachinesConnectionsAreSkipped() {
        List<CapacityPlan.ModelPlan> plans = CapacityPlan.plan(List.of(Model.EVENT_LOOP),
                List.of(Workload.SLEEP, Workload.IO), SIZES, 2, Duration.ofSeconds(60), 20_000);
        CapacityPlan.ModelPlan io = plans.get(1);
        assertEquals(Workload.IO, io.workload());
        assertEquals(List.of(100, 1000, 10_000), io.run());
        assertTrue(io.skipped().get(0).reason().contains("20000"), io.skipped().get(0).reason());
        List<String> args = CapacityPlan.jmhArgs(io, Profile.QUICK, Duration.ofSeconds(60));
        assertTrue(args.containsAll(List.of("model=EVENT_LOOP", "workload=IO", "tasks=100,1000,10000", "-prof", "gc")),
                args.toString());
    }

    @Test
    void aFailureFromJmhBecomesAFailedOutcome() {
        CapacityPlan.Outcome failed = CapacityPlan.failed(4, Map.of("model", "THREAD_PER_TASK", "workload", "SLEEP",
                "tasks", "100000"), "java.lang.OutOfMemoryError: unable to create native thread");
        assertEquals("FAILED", failed.status());
        assertEquals(100_000, failed.tasks());
        assertEquals(4, failed.cores());
        assertTrue(failed.reason().contains("native thread"));
    }
}
