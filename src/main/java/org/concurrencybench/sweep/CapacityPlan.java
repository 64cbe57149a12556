package org.concurrencybench.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.concurrencybench.model.BatchTimePredictor;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;

/**
 * The "how many waits" part of a sweep ({@code --tasks 100,1000,...}): for each model, which batch
 * sizes of {@code CapacityBenchmark} to run, and which to skip without running, each with why.
 *
 * <p>A size is skipped when {@link BatchTimePredictor}'s lower bound for one batch is over the
 * limit (a pool of 2 threads draining 100,000 sleeps of 10 ms needs over 8 minutes), or, for
 * {@code IO}, when it needs more concurrent loopback connections than the machine's ephemeral
 * ports allow. Sizes that run and fail (out of threads, out of memory) are recorded from JMH's
 * output by the sweep. Either way the outcome goes to {@code outcomes.json} and the sweep goes on.
 */
final class CapacityPlan {

    /** The wait of each capacity task: CapacityBenchmark's default sleep, 10 ms. */
    static final Duration WAIT_PER_TASK = Duration.ofMillis(10);

    /** One model's JMH invocation, or nothing to run, and the sizes it skips. */
    record ModelPlan(Model model, Workload workload, List<Integer> run, List<Outcome> skipped) {
    }

    /** A size that did not run or did not finish, as written to {@code outcomes.json}. */
    record Outcome(int cores, String benchmark, String model, String workload, int tasks, String status,
                   String reason, Long predictedMillis) {
    }

    private CapacityPlan() {
    }

    static List<ModelPlan> plan(List<Model> models, List<Workload> workloads, List<Integer> sizes, int cores,
                                Duration limit, int connectionLimit) {
        List<ModelPlan> plans = new ArrayList<>();
        List<Workload> waits = new ArrayList<>(List.of(Workload.SLEEP));
        if (workloads.contains(Workload.IO)) {
            waits.add(Workload.IO);
        }
        for (Workload workload : waits) {
            for (Model model : models) {
                List<Integer> run = new ArrayList<>();
                List<Outcome> skipped = new ArrayList<>();
                for (int tasks : sizes) {
                    Duration predicted = BatchTimePredictor.predict(model, tasks, WAIT_PER_TASK, 0, cores);
                    if (predicted.compareTo(limit) > 0) {
                        skipped.add(skip(cores, model, workload, tasks, "predicted batch time " + Sweep.format(predicted)
                                + " is over the limit of " + Sweep.format(limit) + " (--max-batch-seconds)", predicted));
                    } else if (workload == Workload.IO && tasks > connectionLimit) {
                        skipped.add(skip(cores, model, workload, tasks, tasks + " concurrent connections; this machine"
                                + " allows about " + connectionLimit + " (ephemeral ports, open files)", predicted));
                    } else {
                        run.add(tasks);
                    }
                }
                plans.add(new ModelPlan(model, workload, List.copyOf(run), List.copyOf(skipped)));
            }
        }
        return plans;
    }

    private static Outcome skip(int cores, Model model, Workload workload, int tasks, String reason, Duration predicted) {
        return new Outcome(cores, CapacityPlan.BENCHMARK, model.name(), workload.name(), tasks, "SKIPPED", reason,
                predicted.toMillis());
    }

    /** The benchmark's name in JMH's results. */
    static final String BENCHMARK = "org.concurrencybench.bench.CapacityBenchmark.batch";

    /**
     * JMH's arguments for one model's sizes: one fork, one warm-up iteration and at most three
     * measured (a big batch is one operation per iteration, seconds long), with the GC profiler
     * for the allocation per task.
     */
    static List<String> jmhArgs(ModelPlan plan, Profile profile, Duration limit) {
        List<String> args = new ArrayList<>(List.of("^org\\.concurrencybench\\.bench\\.CapacityBenchmark\\.",
                "-p", "model=" + plan.model().name(), "-p", "workload=" + plan.workload().name(),
                "-p", "tasks=" + plan.run().stream().map(String::valueOf).collect(Collectors.joining(",")),
                "-prof", "gc", "-f", "1", "-wi", String.valueOf(Math.min(profile.warmupIterations(), 1)),
                "-w", profile.warmupMillis() + "ms", "-i", String.valueOf(Math.min(profile.iterations(), 3)),
                "-r", profile.iterationMillis() + "ms", "-to", Math.max(60, limit.toSeconds() * 3) + "s"));
        return args;
    }

    /** A size that JMH ran and that failed. */
    static Outcome failed(int cores, Map<String, String> params, String reason) {
        return new Outcome(cores, BENCHMARK, params.getOrDefault("model", "?"), params.getOrDefault("workload", "?"),
                Integer.parseInt(params.getOrDefault("tasks", "0")), "FAILED", reason, null);
    }

    /**
     * About how many loopback connections this machine can hold open at once: the ephemeral port
     * range (each client connection takes a port) and half the hard open-file limit, which the JVM raises itself to (a client
     * and a server socket each), whichever is smaller. Linux only; elsewhere a cautious 10,000.
     */
    static int connectionLimit() {
        int ports = 10_000;
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            ports = Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (Exception e) {
            // not Linux: keep the cautious default
        }
        String files = MachineProbe.command(List.of("sh", "-c", "ulimit -Hn"), null);
        if (files != null && files.trim().matches("\\d+")) {
            ports = Math.min(ports, Integer.parseInt(files.trim()) / 2);
        }
        return ports;
    }
}
