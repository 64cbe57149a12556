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
 * @param coresGivenUp default core counts given up to keep a default plan within {@link #DEFAULT_LENGTH}
 */
record SweepBudget(Profile profile, List<Integer> cores, List<Integer> taskCounts, MachineInfo.Budget budget,
                   List<Integer> coresGivenUp) {

    /**
     * How long a default plan may take at the least rounds before its powers of two are thinned: a
     * 128-CPU server's eight default counts would take over an hour, a laptop's six do not.
     */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

    /** What the run measures, which the budget does not change: the estimate's other inputs. */
    record Measured(List<Model> models, List<Workload> workloads, boolean convoy, Duration maxBatch,
                    List<SizeSpread> spreads, List<Workload> skewWorkloads, CpythonInterpreters pythons) {
    }

    /** The plan as asked, when no budget was given. */
    static SweepBudget none(Profile profile, List<Integer> cores, List<Integer> taskCounts) {
        return new SweepBudget(profile, cores, taskCounts, null, List.of());
    }

    /**
     * The default core counts, thinned where the plan would take longer than {@link #DEFAULT_LENGTH}
     * at the least rounds: interior powers of two go, the ends and the {@code boundaries} stay.
     */
    static SweepBudget defaultCounts(Profile profile, List<Integer> cores, List<Integer> taskCounts, Measured measured,
                                     java.util.Set<Integer> boundaries) {
        BudgetPlanner.Plan plan = BudgetPlanner.thinCores(DEFAULT_LENGTH,
                new BudgetPlanner.Candidate(profile, cores, taskCounts, boundaries), estimate(measured, taskCounts));
        List<Integer> gone = cores.stream().filter(n -> !plan.cores().contains(n)).toList();
        return new SweepBudget(profile, plan.cores(), taskCounts, null, gone);
    }

    /** The estimate of a candidate at its least rounds: the JMH steps and CPython beside them. */
    private static java.util.function.ToLongFunction<BudgetPlanner.Candidate> estimate(Measured measured,
                                                                                       List<Integer> taskCounts) {
        int connections = taskCounts.isEmpty() ? 0 : CapacityPlan.connectionLimit();
        Path companion = CpythonPlan.companionScript();
        // CPython runs beside the JVM at each core count, one trial per benchmark in each of the least rounds.
        return c -> RunCostModel.sweepMillis(c.profile(), c.cores(), measured.models(), measured.workloads(),
                        measured.convoy(), c.taskCounts(), measured.maxBatch(), connections, measured.spreads(),
                        measured.skewWorkloads())
                + measured.pythons().all().stream().mapToLong(python -> new CpythonPlan(python, companion,
                        c.profile(), measured.models(), measured.workloads(), measured.convoy())
                        .estimatedMillis(c.cores(), c.profile().minRounds())).sum();
    }

    /**
     * The plan fitted into {@code budget} (e.g. {@code 10m}); the {@code boundaries} (core counts where
     * the hardware changes) are given up only after every other interior core count.
     */
    static SweepBudget fit(String budget, Profile profile, List<Integer> cores, List<Integer> taskCounts,
                           Measured measured, java.util.Set<Integer> boundaries) {
        Duration limit = BudgetPlanner.parse(budget);
        BudgetPlanner.Plan plan = BudgetPlanner.plan(limit, new BudgetPlanner.Candidate(profile, cores, taskCounts, boundaries),
                estimate(measured, taskCounts));
        Profile fitted = plan.profile();
        return new SweepBudget(fitted, plan.cores(), plan.taskCounts(), new MachineInfo.Budget(budget, limit.toMillis(),
                plan.estimatedMillis(), fitted.forks(), fitted.warmupIterations(), fitted.warmupMillis(),
                fitted.iterations(), fitted.iterationMillis(), plan.cores(), plan.gaveUp()), List.of());
    }
}
