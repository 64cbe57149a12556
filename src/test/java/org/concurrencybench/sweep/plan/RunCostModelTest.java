package org.concurrencybench.sweep.plan;

import org.concurrencybench.sweep.CommandLines;
import org.concurrencybench.sweep.SweepSettings;
import org.concurrencybench.sweep.cpython.CpythonPlan;
import org.concurrencybench.sweep.cpython.CpythonStep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import org.concurrencybench.bench.ModelBenchmark;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;
import org.junit.jupiter.api.Test;

/**
 * The run-time estimate: an iteration lasts whole batches, and the model reproduces the committed
 * default-profile run ({@code results/20261201-081732-dev-2core}), whose JMH logs hold every
 * invocation's command line and JMH's own "Total time", within 15% per core count.
 */
class RunCostModelTest {

    private static final Path CALIBRATION_RUN = Path.of("results/20261201-081732-dev-2core/logs");
    private static final Pattern TOTAL = Pattern.compile("# Run complete\\. Total time: (\\d+):(\\d+):(\\d+)");

    @Test
    void anIterationLastsWholeBatches() {
        assertEquals(1000, RunCostModel.iteration(1000, 0));
        assertEquals(1200, RunCostModel.iteration(1000, 300)); // four batches of 300 ms pass 1 s
        assertEquals(5000, RunCostModel.iteration(200, 5000)); // one batch, however short the iteration
        assertEquals(1000, RunCostModel.iteration(1000, 250));
    }

    @Test
    void reproducesTheCommittedRunsInvocationTimes() throws Exception {
        for (String log : List.of("cores-1.log", "cores-2.log")) {
            long real = 0;
            long estimated = 0;
            int cores = 0;
            List<String> lines = Files.readAllLines(CALIBRATION_RUN.resolve(log));
            for (String line : lines) {
                if (line.startsWith("$ ")) {
                    List<String> words = Arrays.asList(line.substring(2).split(" "));
                    cores = Integer.parseInt(words.stream().filter(w -> w.startsWith("-XX:ActiveProcessorCount="))
                            .findFirst().orElseThrow().replaceAll("\\D", ""));
                    estimated += RunCostModel.invocationMillis(LoggedStep.parse("logged", LoggedStep.jmhArgs(line)), cores);
                }
                Matcher total = TOTAL.matcher(line);
                if (total.find()) {
                    real += 1000 * (3600L * Integer.parseInt(total.group(1)) + 60L * Integer.parseInt(total.group(2))
                            + Integer.parseInt(total.group(3)));
                }
            }
            double ratio = (double) estimated / real;
            assertTrue(real > 0 && Math.abs(ratio - 1) <= 0.15, log + ": estimate/real = " + ratio);
        }
    }

    @Test
    void slowBatchesCostMoreThanTheirIterations() {
        // PROCESS_PER_TASK's batches (64 JVM starts) outlast a 200 ms iteration many times over.
        SweepPlan.Step processes = new SweepPlan.Step("models", ModelBenchmark.class, Map.of("model",
                List.of("PROCESS_PER_TASK"), "workload", List.of("CPU")), JmhOptions.of(1, 0, 200, 1, 200));
        long oneBatch = RunCostModel.invocationMillis(processes, 1);
        assertTrue(oneBatch > 5000, "one batch at one core: " + oneBatch);
        SweepPlan.Step sequential = processes.withParams(Map.of("model", List.of("SEQUENTIAL"), "workload",
                List.of("CPU")));
        assertTrue(RunCostModel.invocationMillis(sequential, 1) < 2000);
    }

    @Test
    void cpythonTrialsCostTheirIterationsTheirChecksAndAForkedProcessPerTask() {
        List<Model> forms = List.of(Model.SEQUENTIAL, Model.GLOBAL_LOCK, Model.PROCESS_PER_TASK);
        long quick = CpythonCostModel.millis(forms, List.of(Workload.CPU, Workload.SLEEP), 4, Profile.QUICK, 2, 1);
        long full = CpythonCostModel.millis(forms, List.of(Workload.CPU, Workload.SLEEP), 9, Profile.FULL, 2,
                Profile.FULL.minRounds());
        assertTrue(quick < full / 5, "five trials of longer iterations: " + quick + " vs " + full);
        long withoutConvoy = CpythonCostModel.millis(forms, List.of(Workload.CPU), 0, Profile.QUICK, 1, 1);
        long withConvoy = CpythonCostModel.millis(forms, List.of(Workload.CPU), 4, Profile.QUICK, 1, 1);
        assertTrue(withConvoy - withoutConvoy >= 4 * (200 + 2 * 100), "four convoy trials: their iterations at least");
        // A multiprocessing.Process forks the interpreter: more than a plain loop, far less than a JVM start a task.
        long processes = CpythonCostModel.millis(List.of(Model.PROCESS_PER_TASK), List.of(Workload.SLEEP), 0,
                Profile.QUICK, 1, 1);
        long sequential = CpythonCostModel.millis(List.of(Model.SEQUENTIAL), List.of(Workload.SLEEP), 0,
                Profile.QUICK, 1, 1);
        int batches = 3; // one warm-up and two measured iterations, each one batch
        assertTrue(processes > sequential && processes < sequential + batches * Profile.QUICK_BATCH_TASKS * 20,
                processes + " ms against a plain loop's " + sequential);
    }

    @Test
    void aBudgetPricesCpythonBesideTheJvm(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path python = dir.resolve("python3");
        Files.writeString(python, "#!/bin/sh\necho '3.11.7 1 1'\n"); // answers the version probe: a CPython 3.11 with the GIL
        assertTrue(python.toFile().setExecutable(true));
        assertTrue(Files.isRegularFile(CpythonPlan.companionScript()), "the companion is in this checkout");

        long jvmOnly = CommandLines.resolve("--quick", "--budget", "20m", "--no-python", "--label", "box").plan().budget()
                .estimatedMillis();
        long withCpython = CommandLines.resolve("--quick", "--budget", "20m", "--python", python.toString(),
                "--label", "box").plan().budget().estimatedMillis();

        SweepSettings settings = CommandLines.resolve("--quick", "--python", python.toString(), "--label", "box");
        long cpython = new CpythonStep(settings.host().pythons().first(), CpythonPlan.companionScript(), settings.plan().profile(),
                settings.plan().models(), settings.plan().workloads(), settings.plan().convoy(), false, System.out)
                .estimatedMillis(settings.plan().cores(), settings.plan().profile().minRounds());
        assertTrue(cpython > 0);
        assertEquals(jvmOnly + cpython, withCpython);
    }

    /** CPython takes part in every round up to the least, one trial per benchmark each: priced per round, none after. */
    @Test
    void cpythonIsPricedOncePerCoreCountInEachOfTheLeastRounds(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path python = dir.resolve("python3");
        Files.writeString(python, "#!/bin/sh\necho '3.11.7 1 1'\n");
        assertTrue(python.toFile().setExecutable(true));
        SweepSettings settings = CommandLines.resolve("--cores", "1,2", "--python", python.toString(), "--label", "box");
        Profile profile = settings.plan().profile();
        assertEquals(3, profile.minRounds());
        CpythonPlan plan = new CpythonPlan(settings.host().pythons().first(), CpythonPlan.companionScript(), profile, settings.plan().models(),
                settings.plan().workloads(), settings.plan().convoy());
        long oneRound = plan.estimatedMillis(1) + plan.estimatedMillis(2);
        assertEquals(oneRound, plan.estimatedMillis(List.of(1, 2), 1));
        assertEquals(3 * oneRound, plan.estimatedMillis(List.of(1, 2), 3));
        assertEquals(3 * oneRound, plan.estimatedMillis(List.of(1, 2), profile.maxRounds()), "no CPython after the least");
        long threeTrialsInOneGo = plan.estimatedMillis(1, 3) + plan.estimatedMillis(2, 3);
        assertTrue(3 * oneRound > threeTrialsInOneGo, "each round starts the runner again: " + oneRound + " x 3 vs "
                + threeTrialsInOneGo);
    }
}
