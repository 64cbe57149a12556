package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.BenchmarkParams;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.SweepPlan;

import static org.concurrencybench.sweep.CommandLines.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --param NAME=VALUE}: checked against the benchmarks' own @Params, passed to the steps that declare them. */
class ParamFlagTest {

    @Test
    void acceptedNamesComeFromTheBenchmarkClasses() {
        assertTrue(BenchmarkParams.declaredBy(org.concurrencybench.bench.ModelBenchmark.class).containsAll(List.of("cpuUnits", "sleepMicros", "tasks")));
        assertFalse(BenchmarkParams.declaredBy(org.concurrencybench.bench.JvmStartBenchmark.class).contains("cpuUnits"));
        assertFalse(BenchmarkParams.accepted().contains("model"), "set by --models");
    }

    @Test
    void aParamGoesToEveryStepThatDeclaresItAndNoOther() {
        SweepSettings settings = resolve("--param", "cpuUnits=770", "--param", "sleepMicros=2000", "--label", "box");
        assertEquals(Map.of("cpuUnits", "770", "sleepMicros", "2000"), settings.plan().params());
        List<SweepPlan.Step> steps = BenchmarkParams.apply(SweepPlan.stepsFor(Profile.QUICK,
                List.of(Model.SEQUENTIAL, Model.PROCESS_PER_TASK), List.of(Workload.CPU), true), settings.plan().params());
        Map<String, List<String>> models = steps.get(0).params();
        assertEquals(List.of("770"), models.get("cpuUnits"), models.toString());
        assertEquals(List.of("2000"), models.get("sleepMicros"), models.toString());
        for (SweepPlan.Step convoy : steps.stream().filter(step -> step.benchmarkClass()
                == org.concurrencybench.bench.ConvoyBenchmark.class).toList()) {
            assertFalse(convoy.params().containsKey("cpuUnits"), "ConvoyBenchmark has no cpuUnits");
        }
        List<SweepPlan.Step> once = BenchmarkParams.apply(SweepPlan.onceSteps(Profile.QUICK,
                List.of(Model.PROCESS_PER_TASK)), settings.plan().params());
        assertFalse(once.get(0).params().containsKey("cpuUnits"), "JvmStartBenchmark has no cpuUnits");
    }

    @Test
    void theStepsOwnSettingsWin() {
        // a capacity step sets its tasks itself; --param tasks=128 sizes the model steps only
        SweepPlan.Step capacity = new SweepPlan.Step("capacity", org.concurrencybench.bench.CapacityBenchmark.class,
                Map.of("tasks", List.of("1000", "10000")), Profile.QUICK.jmhOptions());
        Map<String, List<String>> params = BenchmarkParams.apply(List.of(capacity), Map.of("tasks", "128")).get(0)
                .params();
        assertEquals(List.of("1000", "10000"), params.get("tasks"), params.toString());
    }

    @Test
    void badParamsAreOneLineUsageErrors() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> resolve("--param", "cpuUnit=770"))
                .getMessage();
        assertTrue(unknown.startsWith("--param cpuUnit: no benchmark declares it; known: "), unknown);
        assertTrue(unknown.contains("cpuUnits") && !unknown.contains("\n"), unknown);
        assertEquals("--param 'cpuUnits': expected NAME=VALUE, e.g. cpuUnits=770",
                assertThrows(IllegalArgumentException.class, () -> resolve("--param", "cpuUnits")).getMessage());
        assertEquals("--param model: set it with --models instead",
                assertThrows(IllegalArgumentException.class, () -> resolve("--param", "model=SEQUENTIAL")).getMessage());
    }

    @Test
    void resumeTakesTheParamsFromMachineJson(@TempDir Path run) throws Exception {
        MachineInfo machine = Machines.of("runId", "20261126-000000-box", "label", "box", "profile", "quick",
                "coreCounts", List.of(1, 2), "models", List.of("SEQUENTIAL"), "workloads", List.of("CPU"),
                "params", Map.of("cpuUnits", "770"));
        new ObjectMapper().writeValue(run.resolve("machine.json").toFile(), machine);
        SweepSettings settings = resolve("--resume", run.toString());
        assertEquals(Map.of("cpuUnits", "770"), settings.plan().params());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> resolve("--resume", run.toString(), "--param", "cpuUnits=1")).getMessage().contains("--param"));
    }

    @Test
    void machineJsonWithoutParamsStillReads(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("machine.json"), "{\"runId\": \"old\", \"profile\": \"quick\"}");
        MachineInfo machine = MachineInfo.read(run.resolve("machine.json"));
        assertEquals(Map.of(), machine.plan().params());
    }
}
