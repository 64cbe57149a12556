package org.concurrencybench.sweep.plan;

import org.concurrencybench.sweep.machine.OpenFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.model.BatchTimePredictor;
import org.concurrencybench.bench.CapacityBenchmark;
import org.concurrencybench.model.Model;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.workload.Workload;

/**
 * The "how many waits" part of a sweep ({@code --tasks 100,1000,...}): for each model, which batch
 * sizes of {@code CapacityBenchmark} to run, and which to skip without running, each with why.
 *
 * <p>A size is skipped when {@link BatchTimePredictor}'s lower bound for one batch is over the
 * limit (a pool of 2 threads draining 100,000 sleeps of 10 ms needs over 8 minutes), or, for
 * {@code IO}, when it needs more concurrent loopback connections than the machine's ephemeral
 * ports allow. Sizes that run and fail (out of threads, out of memory) are recorded from JMH's
 * output by the sweep. Either way the outcome goes to the run's outcomes file and the sweep goes on.
 */
public final class CapacityPlan {

    /** The wait of each capacity task: CapacityBenchmark's default sleep, 10 ms. */
    static final Duration WAIT_PER_TASK = Duration.ofMillis(10);

    /** One model's JMH invocation, or nothing to run, and the sizes it skips. */
    public record ModelPlan(Model model, Workload workload, List<Integer> run, List<Outcome> skipped) {
    }

    /** File descriptors one loopback connection takes in the benchmark's JVM: the client's socket and the server's. */
    static final int FILES_PER_CONNECTION = 2;
    /** Descriptors kept free beyond those counted: selectors, pipes, the JMH link, jars opened later. */
    static final int FILES_MARGIN = 64;

    private CapacityPlan() {
    }

    public static List<ModelPlan> plan(List<Model> models, List<Workload> workloads, List<Integer> sizes, int cores,
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
                        skipped.add(skip(cores, model, workload, tasks, "predicted batch time " + Durations.format(predicted)
                                + " is over the limit of " + Durations.format(limit) + " (--max-batch-seconds)", predicted));
                    } else if (workload == Workload.IO && tasks > connectionLimit) {
                        // a limit of the machine, not a prediction: the outcome carries no predicted time
                        skipped.add(skip(cores, model, workload, tasks, tasks + " " + Outcome.CONNECTION_LIMIT
                                + " about " + connectionLimit + " (ephemeral ports, open files)", null));
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
        return Outcome.skipped(cores, cell(model, workload, tasks), reason, predicted == null ? null : predicted.toMillis());
    }

    /** The cell of one capacity size. */
    public static Cell cell(Model model, Workload workload, int tasks) {
        return new Cell(CapacityBenchmark.class.getName() + ".batch", Map.of("model", model.name(),
                "workload", workload.name(), "tasks", String.valueOf(tasks)));
    }

    /** Every cell a capacity sweep plans, run or skipped: what a finished run must account for. */
    static List<Cell> cells(List<Model> models, List<Workload> workloads, List<Integer> sizes) {
        List<Cell> cells = new ArrayList<>();
        for (ModelPlan plan : plan(models, workloads, sizes, 1, Duration.ofDays(365), Integer.MAX_VALUE)) {
            plan.run().forEach(tasks -> cells.add(cell(plan.model(), plan.workload(), tasks)));
        }
        return cells;
    }

    /**
     * How many loopback connections a benchmark JVM can hold open at once: the ephemeral port
     * range (each client connection takes a port), and the open-file limit less what a JVM
     * already holds and a margin, over the two descriptors each connection takes.
     *
     * @param openFilesLimit the limit the benchmark JVMs run under (the hard limit: the script
     *                       raises the soft one to it, and HotSpot does too)
     * @param heldByJvm      descriptors a JVM holds before the batch (jars, pipes, its own sockets)
     * @param ports          the ephemeral ports
     */
    static int connectionHeadroom(long openFilesLimit, int heldByJvm, int ports) {
        long free = openFilesLimit - heldByJvm - FILES_MARGIN;
        return (int) Math.max(0, Math.min(ports, free / FILES_PER_CONNECTION));
    }

    /** {@link #connectionHeadroom} on this machine: Linux's port range and limits; elsewhere a cautious 10,000. */
    public static int connectionLimit() {
        int ports = 10_000;
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            ports = Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (Exception e) {
            // not Linux: keep the cautious default
        }
        OpenFiles limits = OpenFiles.ofThisProcess();
        return limits == null ? ports : connectionHeadroom(limits.hard(), OpenFiles.heldByThisProcess(), ports);
    }
}
