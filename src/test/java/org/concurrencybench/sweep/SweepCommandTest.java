package org.concurrencybench.sweep;

import org.concurrencybench.sweep.jmh.JmhArguments;
import org.concurrencybench.sweep.jmh.JmhLauncher;
import org.concurrencybench.sweep.jmh.ParentDeath;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.SweepException;
import org.concurrencybench.sweep.plan.SweepPlan;

import static org.concurrencybench.sweep.CommandLines.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.Machines;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The sweep's flags: parsed, checked, turned into JMH invocations. Nothing here runs JMH. */
class SweepCommandTest {

    @Test
    void defaultsRunEverythingAtPowersOfTwo() {
        SweepSettings settings = resolve("--label", "box");
        assertEquals(Profile.DEFAULT, settings.plan().profile());
        assertEquals(List.of(1, 2, 4), settings.plan().cores());
        assertEquals(List.of(Model.values()), settings.plan().models());
        assertEquals(SweepSettings.DEFAULT_WORKLOADS, settings.plan().workloads());
        assertTrue(settings.plan().convoy());
        assertTrue(settings.run().runId().endsWith("-box"));
        assertEquals(Path.of("results").resolve(settings.run().runId()), settings.run().runDir());
    }

    @Test
    void flagsPickProfileCoresModelsAndWorkloads() {
        SweepSettings settings = resolve("--quick", "--cores", "2,1,2", "--models", "fixed_pool,SEQUENTIAL",
                "--workloads", "SLEEP,convoy", "--label", "laptop", "--results", "out");
        assertEquals(Profile.QUICK, settings.plan().profile());
        assertEquals(List.of(1, 2), settings.plan().cores());
        assertEquals(List.of(Model.FIXED_POOL, Model.SEQUENTIAL), settings.plan().models());
        assertEquals(List.of(Workload.SLEEP), settings.plan().workloads());
        assertTrue(settings.plan().convoy());
        assertEquals(Path.of("out"), settings.run().runDir().getParent());
    }

    @Test
    void badValuesGetOneLineNamingTheFlagAndTheValidValues() {
        assertEquals("--models: unknown model 'NOPE'; valid: [SEQUENTIAL, THREAD_PER_TASK, FIXED_POOL, FORK_JOIN, "
                        + "VIRTUAL_THREADS, PROCESS_POOL, PROCESS_PER_TASK, GLOBAL_LOCK, EVENT_LOOP, GLOBAL_LOCK_PER_TASK]",
                assertThrows(IllegalArgumentException.class, () -> resolve("--models", "NOPE")).getMessage());
        String workload = assertThrows(IllegalArgumentException.class, () -> resolve("--workloads", "GPU")).getMessage();
        assertTrue(workload.startsWith("--workloads: unknown workload 'GPU'") && workload.endsWith("and CONVOY"),
                workload);
        assertEquals("--cores 8: expected 1 to 4 (the CPUs this machine lets the suite use)",
                assertThrows(IllegalArgumentException.class, () -> resolve("--cores", "1,8")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve("--quick", "--full")).getMessage()
                .contains("exclude each other"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolve("--label", "my laptop")).getMessage()
                .startsWith("--label 'my laptop'"));
        assertThrows(CommandLine.UnmatchedArgumentException.class,
                () -> new CommandLine(new SweepCommand()).parseArgs("--bogus"));
        // An empty list is refused, not planned as a convoy-only (or empty) run.
        assertEquals("--models: names no model; give at least one, e.g. --models SEQUENTIAL",
                assertThrows(IllegalArgumentException.class, () -> resolve("--models", ",")).getMessage());
        assertEquals("--workloads: names no workload; give at least one, e.g. --workloads CPU",
                assertThrows(IllegalArgumentException.class, () -> resolve("--workloads", "")).getMessage());
    }

    @Test
    void planRunsModelBenchmarkWithChosenParamsAndConvoySeparately() {
        List<SweepPlan.Step> steps = SweepPlan.stepsFor(Profile.QUICK, List.of(Model.SEQUENTIAL, Model.GLOBAL_LOCK),
                List.of(Workload.CPU, Workload.IO), true);
        assertEquals(3, steps.size());
        SweepPlan.Step models = steps.get(0);
        assertEquals(List.of("SEQUENTIAL", "GLOBAL_LOCK"), models.params().get("model"));
        assertEquals(List.of("CPU", "IO"), models.params().get("workload"));
        assertEquals(1, models.options().forks());
        assertEquals(4, steps.get(0).benchmarks());
        assertEquals(org.concurrencybench.bench.ConvoyBenchmark.class, steps.get(1).benchmarkClass());
        assertEquals(List.of("GLOBAL_LOCK"), steps.get(1).params().get("model"));
        assertEquals(List.of("THREAD_PER_TASK"), steps.get(2).params().get("model"));
        assertEquals(List.of("5000"), steps.get(2).params().get("switchIntervalMicros"));
        assertEquals(4, steps.get(1).benchmarks() + steps.get(2).benchmarks()); // a quick look: 0 and 1 CPU threads at 5 ms
        List<SweepPlan.Step> full = SweepPlan.stepsFor(Profile.DEFAULT, List.of(Model.SEQUENTIAL), List.of(), true);
        assertEquals(12, full.get(0).benchmarks() + full.get(1).benchmarks());
        assertEquals(org.concurrencybench.bench.ConvoyBenchmark.class, SweepPlan.stepsFor(Profile.QUICK,
                List.of(Model.SEQUENTIAL), List.of(), true).get(0).benchmarkClass(), "no workload: no ModelBenchmark step");
    }

    @Test
    void resumeTakesTheRunsSettingsAndOnlyTheMissingCoreCounts(@org.junit.jupiter.api.io.TempDir Path results)
            throws Exception {
        SweepSettings original = resolve("--quick", "--cores", "1,2,4", "--models", "SEQUENTIAL,GLOBAL_LOCK",
                "--workloads", "CPU,CONVOY", "--tasks", "100", "--label", "box", "--results", results.toString());
        java.nio.file.Files.createDirectories(original.run().runDir());
        org.concurrencybench.results.MachineInfo machine = Machines.of("runId", original.run().runId(), "label", "box",
                "profile", "quick", "coreCounts", List.of(1, 2, 4), "models", List.of("SEQUENTIAL", "GLOBAL_LOCK"),
                "workloads", List.of("CPU", "CONVOY"), "taskCounts", List.of(100), "batchTasks", Profile.QUICK_BATCH_TASKS);
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(original.run().runDir().resolve("machine.json").toFile(),
                machine);
        java.nio.file.Files.writeString(original.run().runDir().resolve("cores-1.json"), "[]");

        SweepSettings resumed = resolve("--resume", original.run().runDir().toString());
        assertEquals(List.of(2, 4), resumed.plan().cores());
        assertEquals(Profile.QUICK, resumed.plan().profile());
        assertEquals(List.of(Model.SEQUENTIAL, Model.GLOBAL_LOCK), resumed.plan().models());
        assertEquals(List.of(Workload.CPU), resumed.plan().workloads());
        assertTrue(resumed.plan().convoy());
        assertEquals(List.of(100), resumed.plan().taskCounts());
        assertEquals(original.run().runDir(), resumed.run().runDir());
        assertTrue(resumed.resuming());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> resolve("--resume", original.run().runDir().toString(), "--cores", "2")).getMessage()
                .startsWith("--resume takes its settings from RUN_DIR/machine.json"));
        assertTrue(assertThrows(SweepException.class, () -> resolve("--resume", results.resolve("nope")
                .toString())).getMessage().contains("is it a run folder"));
    }

    @Test
    void processPerTaskBringsTheJvmStartYardstick() {
        assertEquals(List.of("jvm-start"), SweepPlan.onceSteps(Profile.DEFAULT, List.of(Model.PROCESS_PER_TASK))
                .stream().map(SweepPlan.Step::name).toList());
        assertEquals(List.of(), SweepPlan.onceSteps(Profile.QUICK, List.of(Model.FIXED_POOL)));
    }

    private static final SweepPlan.Step JVM_START = new SweepPlan.Step("jvm-start",
            org.concurrencybench.bench.JvmStartBenchmark.class, Map.of(), Profile.QUICK.jmhOptions());

    @Test
    void launcherPinsAndSetsActiveProcessorCountForHostAndForks() {
        JmhLauncher launcher = new JmhLauncher("java", Path.of("b.jar"), true, System.out, null, false);
        List<String> command = launcher.command(2, "0,2", JVM_START, Path.of("r.json"));
        command = command.subList(ParentDeath.available() ? ParentDeath.PREFIX.size() : 0, command.size());
        List<String> expected = new java.util.ArrayList<>(List.of("taskset", "-c", "0,2", "java",
                "-XX:ActiveProcessorCount=2", "-jar", "b.jar"));
        expected.addAll(JmhArguments.of(JVM_START));
        expected.addAll(List.of("-rf", "json", "-rff", "r.json", "-jvmArgsAppend", "-XX:ActiveProcessorCount=2"));
        assertEquals(expected, command);
        assertEquals("java", new JmhLauncher("java", Path.of("b.jar"), false, System.out, null, false)
                .command(1, "0", JVM_START, Path.of("r.json")).get(ParentDeath.available() ? ParentDeath.PREFIX.size() : 0));
    }

    @Test
    void aFirstLooksForksStartFromTheJarsCdsArchive() {
        List<String> command = new JmhLauncher("java", Path.of("b.jar"), false, System.out, null, true)
                .command(1, "0", JVM_START, Path.of("r.json"));
        assertEquals("-XX:ActiveProcessorCount=1 -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="
                + JmhLauncher.forkArchive("java", Path.of("b.jar")), command.get(command.indexOf("-jvmArgsAppend") + 1));
        assertTrue(JmhLauncher.forkArchive("java", Path.of("b.jar")).getFileName().toString().endsWith(".jsa"));
        assertNotEquals(JmhLauncher.forkArchive("java", Path.of("b.jar")), JmhLauncher.forkArchive("java", Path.of("c.jar")),
                "one archive a jar");
    }
}
