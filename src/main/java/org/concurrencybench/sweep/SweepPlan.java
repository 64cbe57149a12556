package org.concurrencybench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;

/**
 * What a sweep runs at one core count: one JMH invocation per benchmark class that the chosen
 * workloads need, with the parameters that pick the models and workloads, and a first estimate of
 * how long each takes (for the progress line's estimate of what is left).
 */
final class SweepPlan {

    /** The convoy scenario's name on the command line; not a per-task workload. */
    static final String CONVOY = "CONVOY";

    /**
     * One JMH invocation: a name for the console and file names, JMH's arguments, how many
     * benchmarks it runs, a first estimate of its time, and for a capacity step its plan.
     */
    record Step(String name, List<String> jmhArgs, int benchmarks, long estimatedMillis,
                CapacityPlan.ModelPlan capacity) {
        Step(String name, List<String> jmhArgs, int benchmarks, long estimatedMillis) {
            this(name, jmhArgs, benchmarks, estimatedMillis, null);
        }
    }

    private SweepPlan() {
    }

    /** The steps for one core count. */
    static List<Step> stepsFor(Profile profile, List<Model> models, List<Workload> workloads, boolean convoy) {
        List<Step> steps = new ArrayList<>();
        if (!models.isEmpty() && !workloads.isEmpty()) {
            List<Model> together = new ArrayList<>(models);
            boolean oneBatch = firstLook(profile) && together.remove(Model.PROCESS_PER_TASK);
            if (!together.isEmpty()) {
                steps.add(modelStep("models", together, workloads, profile.jmhOptions(), profile));
            }
            if (oneBatch) {
                // Its batches (64 JVM starts) last 3-8 s, longer than a first look's iterations:
                // one measured batch per workload, no warm-up (no interval for it in this profile).
                Profile oneBatchProfile = new Profile(profile.name(), profile.forks(), 0, profile.warmupMillis(), 1,
                        profile.iterationMillis());
                steps.add(modelStep("models-process-per-task", List.of(Model.PROCESS_PER_TASK), workloads,
                        oneBatchProfile.jmhOptions(), profile));
            }
        }
        if (convoy) {
            // Under the lock: 3 CPU-thread counts x 3 switch intervals. Free threads ignore the
            // interval, so they run at CPython's default only: 3 more. A first look keeps the
            // convoy's point (none vs one CPU-bound thread) and the two longer intervals: 4 + 2.
            List<String> threads = firstLook(profile) ? List.of("-p", "cpuThreads=0,1") : List.of();
            List<String> gil = new ArrayList<>(List.of("-p", "model=GLOBAL_LOCK"));
            gil.addAll(threads);
            if (firstLook(profile)) {
                gil.addAll(List.of("-p", "switchIntervalMicros=5000,1000"));
            }
            List<String> free = new ArrayList<>(List.of("-p", "model=THREAD_PER_TASK", "-p", "switchIntervalMicros=5000"));
            free.addAll(threads);
            steps.add(convoyStep(profile, "convoy-gil", gil, firstLook(profile) ? 4 : 9));
            steps.add(convoyStep(profile, "convoy-free", free, firstLook(profile) ? 2 : 3));
        }
        return steps;
    }

    /** The steps that run once, at the largest core count, besides capacity: JVM start-up beside PROCESS_PER_TASK. */
    static List<Step> onceSteps(Profile profile, List<Model> models) {
        if (!models.contains(Model.PROCESS_PER_TASK)) {
            return List.of();
        }
        // What a JVM start costs here, bare and as a worker: the yardstick for PROCESS_PER_TASK.
        // A first look measures the bare start and the worker's (with the CDS archive it uses).
        List<String> args = new ArrayList<>(List.of("^org\\.concurrencybench\\.bench\\.JvmStartBenchmark\\."));
        if (firstLook(profile)) {
            args.addAll(List.of("-p", "start=BARE_JVM,WORKER_WITH_APP_CDS"));
        }
        args.addAll(profile.jmhOptions());
        int count = firstLook(profile) ? 2 : 3;
        return List.of(new Step("jvm-start", args, count, count * profile.estimatedMillisPerBenchmark()));
    }

    /** The capacity steps (at the largest core count): one per model and workload with sizes to run. */
    static List<Step> capacitySteps(Profile profile, List<CapacityPlan.ModelPlan> plans, java.time.Duration limit) {
        List<Step> steps = new ArrayList<>();
        for (CapacityPlan.ModelPlan plan : plans) {
            if (plan.run().isEmpty()) {
                continue;
            }
            long estimate = 0;
            for (int tasks : plan.run()) {
                long batch = org.concurrencybench.model.BatchTimePredictor.predict(plan.model(), tasks,
                        CapacityPlan.WAIT_PER_TASK, 0, 1).toMillis();
                estimate += 1200 + 5 * Math.max(batch, profile.iterationMillis());
            }
            steps.add(new Step("capacity-" + plan.workload().name().toLowerCase(java.util.Locale.ROOT) + "-"
                    + plan.model().name().toLowerCase(java.util.Locale.ROOT), CapacityPlan.jmhArgs(plan, profile, limit),
                    plan.run().size(), estimate, plan));
        }
        return steps;
    }

    /**
     * Whether a profile is a first look (sub-second iterations, as {@code --quick}): it then runs
     * fewer convoy and JVM-start cells and gives PROCESS_PER_TASK one batch, to stay short.
     */
    static boolean firstLook(Profile profile) {
        return profile.iterationMillis() < 1000;
    }

    private static Step modelStep(String name, List<Model> models, List<Workload> workloads, List<String> options,
                                  Profile profile) {
        List<String> args = new ArrayList<>(List.of("^org\\.concurrencybench\\.bench\\.ModelBenchmark\\."));
        args.addAll(List.of("-p", "model=" + join(models), "-p", "workload=" + join(workloads)));
        args.addAll(options);
        int count = models.size() * workloads.size();
        return new Step(name, args, count, count * profile.estimatedMillisPerBenchmark());
    }

    private static Step convoyStep(Profile profile, String name, List<String> params, int benchmarks) {
        List<String> args = new ArrayList<>(List.of("^org\\.concurrencybench\\.bench\\.ConvoyBenchmark\\."));
        args.addAll(params);
        args.addAll(profile.jmhOptions());
        return new Step(name, args, benchmarks, benchmarks * profile.estimatedMillisPerBenchmark());
    }

    static String join(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
