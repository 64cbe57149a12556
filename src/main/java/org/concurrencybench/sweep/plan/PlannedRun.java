package org.concurrencybench.sweep.plan;

import org.concurrencybench.results.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;

/**
 * A run's plan as its machine file records it: the profile, models, workloads, capacity
 * sizes and core counts. From it {@code --resume} knows what to finish and the checker knows
 * which cells a finished run must account for. A file that does not say these is refused with
 * one line naming the file and the field.
 */
public record PlannedRun(Profile profile, List<Model> models, List<Workload> workloads, boolean convoy,
                  List<Integer> taskCounts, List<Integer> coreCounts, List<SizeSpread> spreads,
                  List<Workload> skewWorkloads, Map<String, String> params, MachineInfo.UserTasks userTasks) {

    public static PlannedRun of(MachineInfo machine, Path file) {
        MachineInfo.Plan recorded = machine.plan();
        if (recorded.profile() == null) {
            throw new SweepException(file + ": no \"profile\" (expected smoke, quick, default or full); is it a run folder's " + RunFolder.MACHINE + "?");
        }
        Profile profile;
        try {
            profile = Profile.byName(recorded.profile());
        } catch (IllegalArgumentException e) {
            throw new SweepException(file + ": \"profile\": " + e.getMessage());
        }
        // The batch size the run used. Only files of layout 1 lack it (MachineFileMigration): a quick
        // look of that time, whose timing differs too, or another profile at the size it still has.
        if (recorded.batchTasks() != null) {
            profile = profile.withBatchTasks(recorded.batchTasks());
        } else if (profile.name().equals(Profile.QUICK.name())) {
            profile = Profile.QUICK_BEFORE_BATCH_TASKS;
        }
        MachineInfo.Budget budget = recorded.budget();
        if (budget != null) {
            // A budgeted run's forks and iterations are its plan's, not its profile's.
            profile = profile.withTiming(budget.forks(), budget.warmupIterations(), budget.warmupMillis(),
                    budget.iterations(), budget.iterationMillis());
        }
        if (machine.rounds() != null) {
            profile = profile.withRounds(machine.rounds().minRounds(), machine.rounds().maxRounds(),
                    machine.rounds().precision());
        }
        if (recorded.coreCounts().isEmpty()) {
            throw new SweepException(file + ": no \"coreCounts\" (expected the core counts the run planned, e.g. [1, 2])");
        }
        List<Model> models = new ArrayList<>();
        List<Workload> workloads = new ArrayList<>();
        List<SizeSpread> spreads = new ArrayList<>();
        List<Workload> skewWorkloads = new ArrayList<>();
        boolean convoy = false;
        try {
            recorded.spreads().forEach(name -> spreads.add(SizeSpread.parse(name)));
            recorded.skewWorkloads().forEach(name -> skewWorkloads.add(Workload.parse(name)));
            recorded.models().forEach(name -> models.add(Model.parse(name)));
            for (String name : recorded.workloads()) {
                if (name.equals(SweepPlan.CONVOY)) {
                    convoy = true;
                } else if (name.equals(Workload.USER.name())) {
                    continue; // the user's classes, from "userTasks"
                } else {
                    workloads.add(Workload.parse(name));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new SweepException(file + ": " + e.getMessage());
        }
        return new PlannedRun(profile, List.copyOf(models), List.copyOf(workloads), convoy,
                recorded.taskCounts(), recorded.coreCounts(), List.copyOf(spreads), List.copyOf(skewWorkloads),
                recorded.params(),
                machine.userTasks());
    }

    int maxCores() {
        return coreCounts.stream().max(Integer::compare).orElseThrow();
    }

    /**
     * Every JMH invocation planned at one core count, with every capacity size in it (a size the
     * sweep skipped without running is accounted for in the outcomes file).
     */
    public List<SweepPlan.Step> stepsAt(int cores) {
        List<SweepPlan.Step> steps = new ArrayList<>(SweepPlan.stepsFor(profile, models, workloads, convoy));
        steps.addAll(SweepPlan.userSteps(profile, models, userTasks));
        if (cores == maxCores()) {
            steps.addAll(SweepPlan.onceSteps(profile, models));
            steps.addAll(SweepPlan.skewSteps(profile, models, spreads, skewWorkloads));
            steps.addAll(SweepPlan.capacitySteps(profile, CapacityPlan.plan(models, workloads, taskCounts, cores,
                    java.time.Duration.ofDays(1), Integer.MAX_VALUE), java.time.Duration.ofDays(1)));
        }
        return BenchmarkParams.apply(steps, params);
    }
}
