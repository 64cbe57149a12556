package org.concurrencybench.sweep.plan;

import static org.concurrencybench.sweep.plan.RunCostModel.CPU_TASK;
import static org.concurrencybench.sweep.plan.RunCostModel.DEFAULT_TASKS;
import static org.concurrencybench.sweep.plan.RunCostModel.iteration;
import static org.concurrencybench.sweep.plan.RunCostModel.modelBatch;

import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;

/**
 * How long one core count of the CPython companion ({@code python/run_cpython.py}) takes: the
 * runner's start, then per trial (a fresh interpreter, one per benchmark in each round) its start, the
 * batch's expected checksums (one serial pass of its CPU work, or of its I/O payloads), and its
 * iterations over batches as long as the paired JVM model's ({@link RunCostModel}), except that a
 * CPython process starts by {@code fork}, not as a JVM; the convoy's trials last their iterations.
 */
public final class CpythonCostModel {

    /** The CPython runner's start and its calibration of the CPU kernel, per core count. */
    private static final double PYTHON_RUNNER_START = 1000;
    /** A fresh interpreter for one trial: its start, the companion's imports, the form's set-up. */
    private static final double PYTHON_TRIAL_START = 250;
    /** A {@code multiprocessing.Process} by {@code fork}, per task. */
    private static final double PYTHON_PROCESS_START = 11;
    /** One I/O task's expected checksum: 20 payloads filled and folded in Python. */
    private static final double PYTHON_IO_CHECK = 1.9;
    /** CPython's loopback round trips against the JVM's. */
    private static final double PYTHON_IO_FACTOR = 1.6;

    private CpythonCostModel() {
    }

    /**
     * The rounds of a run of {@code rounds} that CPython takes part in: every round up to the
     * profile's least, none after it (from then on only the JMH cells short of the precision run).
     */
    public static int roundsTakingPart(int rounds, Profile profile) {
        return Math.min(rounds, profile.minRounds());
    }

    /**
     * The estimated time of one invocation at one core count, in milliseconds.
     *
     * @param pairedModels the JVM models of the forms that run ({@link org.concurrencybench.results.CpythonPairing})
     * @param workloads    the batch workloads that run (CPU, SLEEP, IO)
     * @param convoyCells  the convoy's trials (0 without the convoy)
     * @param trials       trials per benchmark (one in a round)
     */
    public static long millis(List<Model> pairedModels, List<Workload> workloads, int convoyCells, Profile profile,
                              int cores, int trials) {
        int tasks = profile.batchTasks() > 0 ? profile.batchTasks() : DEFAULT_TASKS;
        double total = PYTHON_RUNNER_START;
        for (Workload workload : workloads) {
            double check = tasks * switch (workload) {
                case CPU -> CPU_TASK;
                case IO -> PYTHON_IO_CHECK;
                default -> 0;
            };
            for (Model model : pairedModels) {
                total += trials * trial(profile, check, batch(model, workload, tasks, cores));
            }
        }
        total += (double) convoyCells * trials * (PYTHON_TRIAL_START
                + profile.warmupIterations() * profile.warmupMillis() + profile.iterations() * profile.iterationMillis());
        return Math.round(total);
    }

    /** One CPython batch: as long as the paired JVM model's, but a process starts by fork. */
    private static double batch(Model model, Workload workload, int tasks, int cores) {
        return model == Model.PROCESS_PER_TASK
                ? (PYTHON_PROCESS_START * tasks + modelBatch(Model.SEQUENTIAL, workload, tasks, 1)) / cores
                : modelBatch(model, workload, tasks, cores) * (workload == Workload.IO ? PYTHON_IO_FACTOR : 1);
    }

    /** One trial: a fresh interpreter, the batch's expected checksums, warm-up and measured iterations. */
    private static double trial(Profile profile, double check, double batch) {
        return PYTHON_TRIAL_START + check + profile.warmupIterations() * iteration(profile.warmupMillis(), batch)
                + profile.iterations() * iteration(profile.iterationMillis(), batch);
    }
}
