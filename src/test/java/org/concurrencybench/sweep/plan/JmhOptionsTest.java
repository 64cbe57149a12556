package org.concurrencybench.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;

/** A step's typed JMH options and parameters: what the plan, the estimate and {@code verify} read. */
class JmhOptionsTest {

    @Test
    void aProfilesOptionsAreItsForksAndIterationsAndNothingMore() {
        JmhOptions o = Profile.DEFAULT.jmhOptions();
        assertEquals(JmhOptions.of(Profile.DEFAULT.forks(), Profile.DEFAULT.warmupIterations(),
                Profile.DEFAULT.warmupMillis(), Profile.DEFAULT.iterations(), Profile.DEFAULT.iterationMillis()), o);
        assertFalse(o.gcProfiler());
        assertEquals(Duration.ZERO, o.timeout(), "JMH's own timeout");
        assertEquals(List.of(), o.forkJvmArgs());
        assertEquals(Profile.DEFAULT.forks() * Profile.DEFAULT.iterations(), o.samplesPerBenchmark());
    }

    @Test
    void eachAdditionChangesOnlyItsOwnField() {
        JmhOptions base = JmhOptions.of(1, 1, 600, 3, 2000);
        JmhOptions all = base.withGcProfiler().withTimeout(Duration.ofSeconds(60)).withForkJvmArgs(List.of("-Da=1"));
        assertEquals(new JmhOptions(1, 1, 600, 3, 2000, true, Duration.ofSeconds(60), List.of("-Da=1")), all);
        assertEquals(3, all.samplesPerBenchmark());
    }

    @Test
    void impossibleOptionsAreRefusedWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> JmhOptions.of(0, 1, 100, 1, 100), "no forks, no samples");
        assertThrows(IllegalArgumentException.class, () -> JmhOptions.of(1, -1, 100, 1, 100));
        assertThrows(NullPointerException.class, () -> base().withTimeout(null));
    }

    @Test
    void theStepsOwnParametersWinOverTheClassesDeclaredOnes() {
        SweepPlan.Step step = new SweepPlan.Step("models", ModelBenchmark.class, Map.of("model", List.of("SEQUENTIAL"),
                "workload", List.of("CPU")), base());
        assertEquals(List.of("SEQUENTIAL"), step.values("model"));
        assertEquals(List.of(String.valueOf(SweepPlan.declaredBatchTasks())), step.values("tasks"), "declared");
        assertEquals(1, step.samplesPerCell());
    }

    @Test
    void aStepCopiesWhatItIsGivenAndKeepsItsOrder() {
        List<String> models = new ArrayList<>(List.of("FORK_JOIN", "SEQUENTIAL"));
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        params.put("workload", List.of(Workload.CPU.name()));
        params.put("model", models);
        SweepPlan.Step step = new SweepPlan.Step("models", ModelBenchmark.class, params, base());
        models.add(Model.FIXED_POOL.name());
        params.put("tasks", List.of("8"));
        assertEquals(List.of("workload", "model"), List.copyOf(step.params().keySet()));
        assertEquals(List.of("FORK_JOIN", "SEQUENTIAL"), step.params().get("model"));
        assertTrue(step.withParams(Map.of("model", List.of("SEQUENTIAL"))).options() == step.options());
    }

    private static JmhOptions base() {
        return JmhOptions.of(1, 0, 100, 1, 100);
    }
}
