package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.BenchmarkParams;
import org.concurrencybench.sweep.plan.CapacityPlan;
import org.concurrencybench.sweep.plan.RunCostModel;
import org.concurrencybench.sweep.plan.SweepPlan;

import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.results.Outcome;

/**
 * The whole run's JMH invocations, core count by core count: those at every count, and those that
 * run once at the run's largest count (JVM start-up, uneven batches, the capacity sizes, and the
 * capacity sizes skipped without running), with the estimate of the time they take.
 */
record SweepSteps(List<Integer> cores, int maxCores, List<SweepPlan.Step> everyCount, List<SweepPlan.Step> once,
                  List<CapacityPlan.ModelPlan> capacity) {

    static SweepSteps of(SweepSettings settings) {
        SweepSettings.Plan plan = settings.plan();
        List<SweepPlan.Step> steps = new ArrayList<>(SweepPlan.stepsFor(plan.profile(), plan.models(),
                plan.workloads(), plan.convoy()));
        steps.addAll(SweepPlan.userSteps(plan.profile(), plan.models(), plan.userTasks()));
        List<SweepPlan.Step> everyCount = BenchmarkParams.apply(steps, plan.params());
        // Run once, at the run's largest core count (also when resuming, whatever is left).
        int maxCores = settings.resuming()
                ? settings.run().resumed().plan().coreCounts().stream().max(Integer::compare).orElse(0)
                : plan.cores().isEmpty() ? 0 : plan.cores().get(plan.cores().size() - 1);
        List<CapacityPlan.ModelPlan> capacity = plan.taskCounts().isEmpty() || !plan.cores().contains(maxCores)
                ? List.of()
                : CapacityPlan.plan(plan.models(), plan.workloads(), plan.taskCounts(), maxCores,
                        plan.maxBatch(), CapacityPlan.connectionLimit());
        List<SweepPlan.Step> once = new ArrayList<>();
        if (plan.cores().contains(maxCores)) {
            once.addAll(SweepPlan.onceSteps(plan.profile(), plan.models()));
            once.addAll(SweepPlan.skewSteps(plan.profile(), plan.models(), plan.spreads(),
                    plan.skewWorkloads()));
            once.addAll(SweepPlan.capacitySteps(plan.profile(), capacity, plan.maxBatch()));
        }
        return new SweepSteps(plan.cores(), maxCores, everyCount, BenchmarkParams.apply(once, plan.params()),
                capacity);
    }

    /** The steps at one core count: those that run once come at the largest. */
    List<SweepPlan.Step> stepsAt(int coreCount) {
        if (coreCount != maxCores) {
            return everyCount;
        }
        List<SweepPlan.Step> all = new ArrayList<>(everyCount);
        all.addAll(once);
        return all;
    }

    /** The capacity sizes skipped without running at one core count. */
    List<Outcome> skippedAt(int coreCount) {
        return coreCount == maxCores ? capacitySkipped() : List.of();
    }

    List<Outcome> capacitySkipped() {
        return capacity.stream().flatMap(plan -> plan.skipped().stream()).toList();
    }

    boolean hasCapacity() {
        return !capacity.isEmpty();
    }

    int capacitySizesToRun() {
        return capacity.stream().mapToInt(plan -> plan.run().size()).sum();
    }

    int cellsPerCoreCount() {
        return everyCount.stream().mapToInt(SweepPlan.Step::benchmarks).sum();
    }

    /** One round's estimate: every step at every core count, one fork each ({@link RunCostModel}). */
    long roundMillis() {
        return RunCostModel.millis(once, maxCores) + cores.stream().mapToLong(n -> RunCostModel.millis(everyCount, n)).sum();
    }

    /** The whole run's estimate at {@code rounds} rounds, the report included. */
    long estimatedMillis(int rounds) {
        return RunCostModel.REPORT_MILLIS + rounds * roundMillis();
    }
}
