package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.SweepPlan;

import static org.concurrencybench.sweep.CommandLines.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.Machines;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's task-size spreads: the default, {@code --spread}, the steps they add, and --resume. */
class SweepSpreadTest {

    @Test
    void byDefaultParetoRunsBesideNoneOnCpuAndSleepOnly() {
        SweepSettings settings = resolve("--label", "box");
        assertEquals(List.of(SizeSpread.NONE, SizeSpread.PARETO), settings.plan().spreads());
        assertEquals(List.of(Workload.CPU, Workload.SLEEP), settings.plan().skewWorkloads());
        assertEquals(List.of(Workload.CPU), resolve("--label", "box", "--workloads", "IO,CPU").plan().skewWorkloads());
    }

    @Test
    void spreadFlagPicksTheSpreadsForEveryChosenWorkload() {
        SweepSettings settings = resolve("--label", "box", "--workloads", "CPU,IO", "--spread", "uniform,NONE,uniform");
        assertEquals(List.of(SizeSpread.UNIFORM, SizeSpread.NONE), settings.plan().spreads());
        assertEquals(List.of(Workload.CPU, Workload.IO), settings.plan().skewWorkloads());
        String error = assertThrows(IllegalArgumentException.class, () -> resolve("--spread", "lognormal"))
                .getMessage();
        assertTrue(error.startsWith("--spread: unknown spread 'lognormal'; valid: [NONE, UNIFORM, EXPONENTIAL, PARETO]"),
                error);
    }

    @Test
    void skewStepsRunEveryModelUnderTheUnevenSpreadsAndTheProcessPoolsChunksUnderAll() {
        List<SweepPlan.Step> steps = SweepPlan.skewSteps(Profile.QUICK, List.of(Model.SEQUENTIAL, Model.PROCESS_POOL),
                List.of(SizeSpread.NONE, SizeSpread.PARETO), List.of(Workload.CPU, Workload.SLEEP));
        assertEquals(List.of("skew", "chunks"), steps.stream().map(SweepPlan.Step::name).toList());
        assertEquals(Map.of("model", List.of("SEQUENTIAL", "PROCESS_POOL"), "workload", List.of("CPU", "SLEEP"),
                "spread", List.of("PARETO"), "tasks", List.of("32")), steps.get(0).params());
        assertEquals(4, steps.get(0).benchmarks());
        assertEquals(Map.of("model", List.of("PROCESS_POOL"), "workload", List.of("CPU", "SLEEP"),
                "spread", List.of("NONE", "PARETO"), "chunksize", List.of("0"), "tasks", List.of("32")),
                steps.get(1).params());
        assertEquals(4, steps.get(1).benchmarks());
        List<SweepPlan.Step> withoutNone = SweepPlan.skewSteps(Profile.QUICK, List.of(Model.PROCESS_POOL),
                List.of(SizeSpread.UNIFORM), List.of(Workload.CPU));
        assertEquals(List.of("NONE", "UNIFORM"), withoutNone.get(1).params().get("spread"),
                "chunks always beside their even batches");
        assertEquals(List.of(), SweepPlan.skewSteps(Profile.QUICK, List.of(Model.FIXED_POOL), List.of(SizeSpread.NONE),
                List.of(Workload.CPU)), "even batches only, no process pool: nothing more to run");
    }

    @Test
    void resumeKeepsTheSpreadsAndAnOldRunStaysEven(@TempDir Path results) throws Exception {
        SweepSettings original = resolve("--quick", "--cores", "1,2", "--models", "SEQUENTIAL", "--workloads", "CPU",
                "--spread", "EXPONENTIAL", "--label", "box", "--results", results.toString());
        Files.createDirectories(original.run().runDir());
        MachineInfo machine = Machines.of("runId", original.run().runId(), "label", "box", "profile", "quick",
                "coreCounts", List.of(1, 2), "models", List.of("SEQUENTIAL"), "workloads", List.of("CPU"),
                "spreads", List.of("EXPONENTIAL"), "skewWorkloads", List.of("CPU"));
        ObjectMapper json = new ObjectMapper();
        json.writeValue(original.run().runDir().resolve("machine.json").toFile(), machine);
        SweepSettings resumed = resolve("--resume", original.run().runDir().toString());
        assertEquals(List.of(SizeSpread.EXPONENTIAL), resumed.plan().spreads());
        assertEquals(List.of(Workload.CPU), resumed.plan().skewWorkloads());
        assertThrows(IllegalArgumentException.class,
                () -> resolve("--resume", original.run().runDir().toString(), "--spread", "NONE"));

        MachineInfo old = Machines.of("runId", original.run().runId(), "label", "box", "profile", "quick",
                "coreCounts", List.of(1, 2), "models", List.of("SEQUENTIAL"), "workloads", List.of("CPU"));
        json.writeValue(original.run().runDir().resolve("machine.json").toFile(), old);
        SweepSettings oldResumed = resolve("--resume", original.run().runDir().toString());
        assertEquals(List.of(SizeSpread.NONE), oldResumed.plan().spreads(), "a run from before spreads measured even batches");
        assertEquals(List.of(), SweepPlan.skewSteps(Profile.QUICK, oldResumed.plan().models(), oldResumed.plan().spreads(),
                oldResumed.plan().skewWorkloads()));
    }
}
