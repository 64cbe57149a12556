package org.concurrencybench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.SizeSpread;
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
            List<String> args = new ArrayList<>(List.of("^org\\.concurrencybench\\.bench\\.ModelBenchmark\\."));
            args.addAll(List.of("-p", "model=" + join(models), "-p", "workload=" + join(workloads)));
            args.addAll(profile.jmhOptions());
            int count = models.size() * workloads.size();
            steps.add(new Step("models", args, count, count * profile.estimatedMillisPerBenchmark()));
        }
        if (convoy) {
            // Under the lock: 3 CPU-thread counts x 3 switch intervals. Free threads ignore the
            // interval, so they run at CPython's default only: 3 more.
            steps.add(convoyStep(profile, "convoy-gil", List.of("-p", "model=GLOBAL_LOCK"), 9));
            steps.add(convoyStep(profile, "convoy-free", List.of("-p", "model=THREAD_PER_TASK",
                    "-p", "switchIntervalMicros=5000"), 3));
        }
        return steps;
    }

    /** The steps that run once, at the largest core count, besides capacity: JVM start-up beside PROCESS_PER_TASK. */
    static List<Step> onceSteps(Profile profile, List<Model> models) {
        if (!models.contains(Model.PROCESS_PER_TASK)) {
            return List.of();
        }
        // What a JVM start costs here, bare and as a worker: the yardstick for PROCESS_PER_TASK.
        List<String> args = new ArrayList<>(List.of("^org\\.concurrencybench\\.bench\\.JvmStartBenchmark\\."));
        args.addAll(profile.jmhOptions());
        return List.of(new Step("jvm-start", args, 3, 3 * profile.estimatedMillisPerBenchmark()));
    }

    /**
     * The steps of uneven batches (at the largest core count): every model on {@code skewWorkloads}
     * under each spread of {@code spreads} but NONE (which the per-core-count step always measures),
     * and PROCESS_POOL with {@code Pool.map}'s default chunks ({@code chunksize=0}) under NONE and
     * those spreads, beside its one task per message.
     */
    static List<Step> skewSteps(Profile profile, List<Model> models, List<SizeSpread> spreads,
                                List<Workload> skewWorkloads) {
        List<Step> steps = new ArrayList<>();
        if (models.isEmpty() || skewWorkloads.isEmpty()) {
            return steps;
        }
        List<SizeSpread> uneven = spreads.stream().filter(s -> s != SizeSpread.NONE).toList();
        if (!uneven.isEmpty()) {
            steps.add(modelStep(profile, "skew", models, skewWorkloads, uneven, List.of()));
        }
        if (models.contains(Model.PROCESS_POOL)) {
            List<SizeSpread> withEven = new ArrayList<>(List.of(SizeSpread.NONE));
            withEven.addAll(uneven); // the chunks' loss to skew is against their own even batches
            steps.add(modelStep(profile, "chunks", List.of(Model.PROCESS_POOL), skewWorkloads, withEven,
                    List.of("-p", "chunksize=0")));
        }
        return steps;
    }

    private static Step modelStep(Profile profile, String name, List<Model> models, List<Workload> workloads,
                                  List<SizeSpread> spreads, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("^org\\.concurrencybench\\.bench\\.ModelBenchmark\\."));
        args.addAll(List.of("-p", "model=" + join(models), "-p", "workload=" + join(workloads),
                "-p", "spread=" + join(spreads)));
        args.addAll(extra);
        args.addAll(profile.jmhOptions());
        int count = models.size() * workloads.size() * spreads.size();
        return new Step(name, args, count, count * profile.estimatedMillisPerBenchmark());
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
