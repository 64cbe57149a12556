package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.PlannedRun;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.SweepPlan;

import static org.concurrencybench.sweep.CommandLines.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Machines;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --quick} gives up to be a three-minute first look, and what it keeps: every model
 * and every workload at every core count, in batches of {@value Profile#QUICK_BATCH_TASKS} tasks,
 * even batches only unless {@code --spread} asks, a convoy of none against one CPU-bound thread;
 * and a resumed or verified quick run keeps the batch size it was made with.
 */
class QuickProfileTest {

    private static List<Cell> cells(List<SweepPlan.Step> steps) {
        List<Cell> cells = new ArrayList<>();
        steps.forEach(step -> cells.addAll(step.cells()));
        return cells;
    }

    private static List<String> tasksParams(List<SweepPlan.Step> steps) {
        return steps.stream().filter(s -> s.benchmarkClass().getSimpleName().equals("ModelBenchmark"))
                .map(s -> String.join(",", s.params().getOrDefault("tasks", List.of("default")))).toList();
    }

    @Test
    void keepsEveryModelAndWorkloadInSmallerBatches() {
        SweepSettings quick = resolve("--quick", "--label", "box");
        List<SweepPlan.Step> steps = SweepSteps.of(quick).stepsAt(1);

        for (Model model : Model.values()) {
            for (Workload workload : SweepSettings.DEFAULT_WORKLOADS) {
                assertTrue(cells(steps).stream().anyMatch(c -> model.name().equals(c.params().get("model"))
                        && workload.name().equals(c.params().get("workload"))), model + " " + workload);
            }
        }
        assertEquals(List.of("32", "32"), tasksParams(steps), "the pooled models and PROCESS_PER_TASK's one batch");
        assertEquals(List.of("default", "default"), tasksParams(SweepSteps.of(resolve("--label", "box")).stepsAt(1)),
                "every profile gives PROCESS_PER_TASK its own step, one batch a fork");
    }

    @Test
    void measuresEvenBatchesOnlyUnlessSpreadAsks() {
        assertEquals(List.of(SizeSpread.NONE), resolve("--quick", "--label", "box").plan().spreads());
        assertFalse(SweepSteps.of(resolve("--quick", "--label", "box")).stepsAt(4).stream()
                .anyMatch(s -> s.name().equals("skew") || s.name().equals("chunks")), "no uneven batches, nor chunks for them");
        assertEquals(List.of(SizeSpread.PARETO), resolve("--quick", "--spread", "PARETO", "--label", "box").plan().spreads());
        assertEquals(List.of(SizeSpread.NONE, SizeSpread.PARETO), resolve("--smoke", "--label", "box").plan().spreads(),
                "a smoke run still wires the uneven batches");
        assertEquals(List.of(SizeSpread.NONE, SizeSpread.PARETO), resolve("--label", "box").plan().spreads());
    }

    @Test
    void itsConvoyIsNoneAgainstOneCpuThreadAtCpythonsInterval() {
        SweepPlan.ConvoyCells cells = SweepPlan.convoyCells(Profile.QUICK);
        assertEquals(List.of("0", "1"), cells.cpuThreads());
        assertEquals(List.of("5000"), cells.switchIntervals());
        SweepPlan.ConvoyCells budgeted = SweepPlan.convoyCells(Profile.DEFAULT.withTiming(1, 1, 300, 2, 300));
        assertEquals(List.of("5000", "1000"), budgeted.switchIntervals(), "a budget's first look: the two longer intervals");
        assertEquals(List.of("5000"), SweepPlan.convoyCells(Profile.SMOKE).switchIntervals());
        SweepPlan.ConvoyCells full = SweepPlan.convoyCells(Profile.DEFAULT);
        assertEquals(List.of("0", "1", "2"), full.cpuThreads());
        assertEquals(List.of("5000", "1000", "100"), full.switchIntervals());
        List<SweepPlan.Step> convoy = SweepPlan.stepsFor(Profile.QUICK, List.of(), List.of(), true);
        assertEquals(List.of(2, 2), convoy.stream().map(SweepPlan.Step::benchmarks).toList());
    }

    @Test
    void aResumedQuickRunKeepsTheBatchSizeItWasMadeWith(@TempDir Path results) throws Exception {
        SweepSettings original = resolve("--quick", "--cores", "1,2", "--models", "SEQUENTIAL", "--workloads", "CPU",
                "--label", "box", "--results", results.toString());
        Files.createDirectories(original.run().runDir());
        Path file = original.run().runDir().resolve("machine.json");
        ObjectMapper json = new ObjectMapper();
        json.writeValue(file.toFile(), Machines.of("runId", original.run().runId(), "label", "box", "profile", "quick",
                "coreCounts", List.of(1, 2), "models", List.of("SEQUENTIAL"), "workloads", List.of("CPU"),
                "batchTasks", 32));
        assertEquals(32, resolve("--resume", original.run().runDir().toString()).plan().profile().batchTasks());

        // A quick run from before quick looks had batches of their own: the benchmark's 64, as it ran.
        json.writeValue(file.toFile(), Machines.of("runId", original.run().runId(), "label", "box", "profile", "quick",
                "coreCounts", List.of(1, 2), "models", List.of("SEQUENTIAL"), "workloads", List.of("CPU")));
        PlannedRun old = PlannedRun.of(MachineInfo.read(file), file);
        assertEquals(0, old.profile().batchTasks());
        assertEquals(200, old.profile().iterationMillis(), "and its iterations as they were");
        assertEquals(List.of("default"), tasksParams(old.stepsAt(2)));
    }

    @Test
    void aBatchSizeOfOnesOwnReplacesTheProfiles() {
        SweepSettings settings = resolve("--quick", "--param", "tasks=48", "--label", "box");
        assertEquals(48, settings.plan().profile().batchTasks());
        assertEquals(List.of("48", "48"), tasksParams(SweepSteps.of(settings).stepsAt(1)));
        assertEquals("--param tasks=none: expected a batch size from 1 to 2147483647", org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> resolve("--param", "tasks=none")).getMessage());
    }

    @Test
    void theMachineFileRecordsTheBatchSize() {
        SweepSettings quick = resolve("--quick", "--label", "box");
        assertEquals(32, MachineDescription.of(quick, null).plan().batchTasks());
        assertEquals(0, MachineDescription.of(resolve("--label", "box"), null).plan().batchTasks());
    }
}
