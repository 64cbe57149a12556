package org.concurrencybench.sweep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.sweep.cpython.CpythonInterpreters;
import org.concurrencybench.sweep.cpython.CpythonPlan;
import org.concurrencybench.sweep.plan.BudgetPlanner;
import org.concurrencybench.sweep.plan.CapacityPlan;
import org.concurrencybench.sweep.plan.Profile;
import org.concurrencybench.sweep.plan.RunCostModel;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;

/**
 * {@code --budget}: the profile, core counts and capacity sizes fitted into a duration
 * ({@link BudgetPlanner}), on the estimate of the JMH steps ({@link RunCostModel}) and of CPython
 * beside them ({@link CpythonPlan}), and what was given up, for {@code machine.json}.
 *
 * @param budget the record of the fit; null without {@code --budget}
 */
record SweepBudget(Profile profile, List<Integer> cores, List<Integer> taskCounts, MachineInfo.Budget budget) {

    /** What the run measures, which the budget does not change: the estimate's other inputs. */
    record Measured(List<Model> models, List<Workload> workloads, boolean convoy, Duration maxBatch,
                    List<SizeSpread> spreads, List<Workload> skewWorkloads, CpythonInterpreters pythons) {
    }

    /** The plan as asked, when no budget was given. */
    static SweepBudget none(Profile profile, List<Integer> cores, List<Integer> taskCounts) {
        return new SweepBudget(profile, cores, taskCounts, null);
    }

    /**
     * The plan fitted into {@code budget} (e.g. {@code 10m}); the {@code boundaries} (core counts where
     * the hardware changes) are given up only after every other interior core count.
     */
    static SweepBudget fit(String budget, Profile profile, List<Integer> cores, List<Integer> taskCounts,
                           Measured measured, java.util.Set<Integer> boundaries) {
        Duration limit = BudgetPlanner.parse(budget);
        int connections = taskCounts.isEmpty() ? 0 : CapacityPlan.connectionLimit();
        Path companion = CpythonPlan.companionScript();
        // CPython runs beside the JVM at each core count, one trial per benchmark in each of the least rounds.
        BudgetPlanner.Plan plan = BudgetPlanner.plan(limit, new BudgetPlanner.Candidate(profile, cores, taskCounts, boundaries),
                c -> RunCostModel.sweepMillis(c.profile(), c.cores(), measured.models(), measured.workloads(),
                        measured.convoy(), c.taskCounts(), measured.maxBatch(), connections, measured.spreads(),
                        measured.skewWorkloads())
                        + measured.pythons().all().stream().mapToLong(python -> new CpythonPlan(python, companion,
                                c.profile(), measured.models(), measured.workloads(), measured.convoy())
                                .estimatedMillis(c.cores(), c.profile().minRounds())).sum());
        Profile fitted = plan.profile();
        return new SweepBudget(fitted, plan.cores(), plan.taskCounts(), new MachineInfo.Budget(budget, limit.toMillis(),
                plan.estimatedMillis(), fitted.forks(), fitted.warmupIterations(), fitted.warmupMillis(),
                fitted.iterations(), fitted.iterationMillis(), plan.cores(), plan.gaveUp()));
    }
}
