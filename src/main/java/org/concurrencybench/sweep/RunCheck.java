package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.PlannedRun;
import org.concurrencybench.sweep.plan.SweepPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.JmhResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.workload.Workload;

/**
 * Checks a run folder against its own plan: every planned core count has its results, every
 * planned cell is measured, FAILED or SKIPPED, and no measured number is physically impossible
 * (a sleep batch shorter than its sleeps, fewer samples than the profile takes, a time of zero).
 * The sweep ends with its one-line summary; {@code run-benchmarks.sh verify RUN_DIR} is the same
 * check, for CI and for a folder someone sent you.
 */
final class RunCheck {

    /**
     * What the check found.
     *
     * @param planned           cells planned at the core counts that have results, and at the missing ones
     * @param problems          one line per missing core count, missing cell or impossible number
     * @param missingCoreCounts planned core counts with no results file
     * @param cpython           the CPython cells, failed ones among the problems; null when the run has none
     */
    record Summary(int planned, int measured, int failed, int skipped, List<String> problems,
                   List<Integer> missingCoreCounts, CpythonCheck cpython) {

        /** The sweep's last line. */
        String line() {
            int missing = planned - measured - failed - skipped;
            return String.format("measured %d of %d cells; %d failed, %d skipped%s", measured, planned, failed, skipped,
                    missing > 0 ? ", " + missing + " not run" : "") + (cpython == null ? "" : cpython.clause());
        }

        boolean clean() {
            return failed == 0 && problems.isEmpty();
        }
    }

    /** Timer slack allowed below a sleep's length: Java's sleeps never end early, but clocks round. */
    private static final double SLEEP_TOLERANCE = 0.999;

    private RunCheck() {
    }

    static Summary check(RunFolder folder) throws IOException {
        MachineInfo machine = MachineInfo.read(folder.machineFile());
        PlannedRun plan = PlannedRun.of(machine, folder.machineFile());
        List<Outcome> outcomes = folder.readOutcomes();
        SortedSet<Integer> finished = folder.finishedCoreCounts();
        Tally tally = new Tally();
        List<Integer> missingCoreCounts = new ArrayList<>();
        for (int cores : plan.coreCounts()) {
            List<SweepPlan.Step> steps = plan.stepsAt(cores);
            tally.planned += steps.stream().mapToInt(SweepPlan.Step::benchmarks).sum();
            if (!finished.contains(cores)) {
                missingCoreCounts.add(cores);
                tally.problems.add("cores=" + cores + ": no " + folder.coresFile(cores).getFileName()
                        + " (not run, or interrupted; ./run-benchmarks.sh --resume " + folder.dir() + " measures it)");
                continue;
            }
            List<JmhResult> results = JmhResultFile.read(folder.coresFile(cores));
            List<Outcome> here = outcomes.stream().filter(o -> o.cores() == cores).toList();
            for (SweepPlan.Step step : steps) {
                step.cells().forEach(cell -> tally.add(cores, cell, step.samplesPerCell(), results, here));
            }
        }
        CpythonCheck cpython = CpythonCheck.of(folder);
        if (cpython != null) {
            tally.problems.addAll(cpython.problems());
        }
        return new Summary(tally.planned, tally.measured, tally.failed, tally.skipped, List.copyOf(tally.problems),
                List.copyOf(missingCoreCounts), cpython);
    }

    /** The counts and problems so far. */
    private static final class Tally {
        int planned;
        int measured;
        int failed;
        int skipped;
        final List<String> problems = new ArrayList<>();

        /** Counts one planned cell of a finished core count by its state, and says what is wrong with it. */
        void add(int cores, Cell cell, int samples, List<JmhResult> results, List<Outcome> outcomes) {
            Outcome outcome = outcomes.stream().filter(cell::is).findFirst().orElse(null);
            List<JmhResult> own = results.stream().filter(r -> cell.matches(r.benchmark(), r.params())).toList();
            String where = "cores=" + cores + " " + cell.label() + ": ";
            if (outcome != null && outcome.status() == Outcome.Status.SKIPPED) {
                skipped++;
            } else if (outcome != null) {
                failed++;
                problems.add(where + "FAILED: " + outcome.reason());
            } else if (own.isEmpty()) {
                problems.add(where + "no result and no outcome");
            } else if (own.size() > 1) {
                // A cell is measured once: a second entry (a copy, or two runs pasted together) makes
                // its number ambiguous, whichever one a reader picks.
                measured++;
                problems.add(where + own.size() + " results for one cell in cores-" + cores
                        + ".json (a cell is measured once; remove the copies)");
            } else {
                measured++;
                own.stream().map(result -> impossible(result, samples)).filter(java.util.Objects::nonNull)
                        .forEach(why -> problems.add(where + why));
            }
        }
    }

    /** Why a measured result cannot be right, or null. */
    static String impossible(JmhResult result, int expectedSamples) {
        List<Double> samples = result.primaryMetric().samples();
        if (samples.size() < expectedSamples) {
            return samples.size() + " of " + expectedSamples + " planned samples";
        }
        for (double sample : samples) {
            if (!Double.isFinite(sample) || sample <= 0) {
                return "a sample of " + sample;
            }
        }
        Map<String, String> params = result.params();
        boolean batch = result.is("ModelBenchmark", "batch") || result.is("CapacityBenchmark", "batch");
        if (batch && Workload.SLEEP.name().equals(params.get("workload"))
                && "ms/op".equals(result.primaryMetric().scoreUnit())) {
            double sleepMillis = Long.parseLong(params.getOrDefault("sleepMicros", "0")) / 1000.0;
            long tasks = Long.parseLong(params.getOrDefault("tasks", "1"));
            double floor = Model.SEQUENTIAL.name().equals(params.get("model")) ? tasks * sleepMillis : sleepMillis;
            double fastest = samples.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            if (fastest < floor * SLEEP_TOLERANCE) {
                return String.format("a batch of %.3f ms, shorter than its sleeps allow (%.3f ms)", fastest, floor);
            }
        }
        return null;
    }

    /** Whether the folder looks like a run folder at all. */
    static boolean isRunFolder(RunFolder folder) {
        return Files.isRegularFile(folder.machineFile());
    }
}
