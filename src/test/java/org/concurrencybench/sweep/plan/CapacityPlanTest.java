package org.concurrencybench.sweep.plan;

import org.concurrencybench.sweep.machine.OpenFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.Outcome;
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
        Outcome skipped = pool.skipped().get(0);
        assertEquals(Outcome.Status.SKIPPED, skipped.status());
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
        assertEquals(null, io.skipped().get(0).predictedMillis(), "the port limit is a reason, not a time");
        SweepPlan.Step step = SweepPlan.capacitySteps(Profile.QUICK, List.of(io), Duration.ofSeconds(60)).get(0);
        assertEquals(java.util.Map.of("model", List.of("EVENT_LOOP"), "workload", List.of("IO"), "tasks",
                List.of("100", "1000", "10000")), step.params());
        assertTrue(step.options().gcProfiler(), "the allocation per task");
        assertEquals(Duration.ofSeconds(180), step.options().timeout(), "three times the longest batch allowed");
    }

    @Test
    void connectionHeadroomLeavesRoomForTheJvmsOwnFiles() {
        // ulimit -n 1024: 1024 - 40 held - 64 margin = 920 free descriptors, 2 per connection.
        assertEquals(460, CapacityPlan.connectionHeadroom(1024, 40, 28_232));
        assertEquals(28_232, CapacityPlan.connectionHeadroom(1_048_576, 40, 28_232), "the ports bound it");
        assertEquals(0, CapacityPlan.connectionHeadroom(64, 40, 28_232), "no room at all");
        List<CapacityPlan.ModelPlan> plans = CapacityPlan.plan(List.of(Model.EVENT_LOOP), List.of(Workload.IO),
                List.of(512), 2, Duration.ofSeconds(60), CapacityPlan.connectionHeadroom(1024, 40, 28_232));
        assertEquals(List.of(), plans.get(1).run(), "512 connections do not fit in 1024 open files");
        assertTrue(plans.get(1).skipped().get(0).reason().contains("460"), plans.get(1).skipped().get(0).reason());
    }

    @Test
    void openFileLimitsAreReadFromProcLimits() {
        String limits = """
                Limit                     Soft Limit           Hard Limit           Units
                Max processes             95435                95435                processes
                Max open files            1024                 524288               files
                Max locked memory         8388608              8388608              bytes
                """;
        assertEquals(new OpenFiles(1024, 524_288), OpenFiles.parse(limits));
        assertEquals(new OpenFiles(Long.MAX_VALUE, Long.MAX_VALUE),
                OpenFiles.parse("Max open files            unlimited            unlimited            files\n"));
    }
}
