package org.concurrencybench.sweep;

import java.nio.file.Files;
import org.concurrencybench.report.MachineInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.concurrencybench.model.Model;
import org.concurrencybench.workload.Workload;

/**
 * A sweep's settings, checked and resolved from the command line: the profile, the core counts
 * (each one the machine can pin), the models and workloads by their enum names, where the run goes
 * whether CPU affinity is available, and the benchmark parameters given with {@code --param}. Every bad value becomes one line that names the flag and
 * what was expected.
 */
record SweepSettings(Profile profile, List<Integer> cores, List<Model> models, List<Workload> workloads,
                     boolean convoy, List<Integer> taskCounts, Duration maxBatch, String label, String runId,
                     Path runDir, Path chartsDir, CpuTopology topology, boolean pinned, String pinning,
                     Instant startedAt, MachineInfo resumed, java.util.Map<String, String> params) {

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    static SweepSettings resolve(SweepCommand command, CpuTopology topology) {
        if (command.quick && command.full) {
            throw new IllegalArgumentException("--quick and --full exclude each other; give one");
        }
        Profile profile = command.quick ? Profile.QUICK : command.full ? Profile.FULL : Profile.DEFAULT;
        List<Integer> cores = command.cores == null ? defaultCores(topology.logicalCpus()) : checkCores(command.cores,
                topology.logicalCpus());
        List<Model> models = new ArrayList<>();
        for (String name : command.models == null ? names(Model.values()) : command.models) {
            Model model = parseOrFail(name, "--models", Model::parse);
            if (!models.contains(model)) {
                models.add(model);
            }
        }
        List<Workload> workloads = new ArrayList<>();
        boolean convoy = false;
        List<String> workloadNames = new ArrayList<>(names(Workload.values()));
        workloadNames.add(SweepPlan.CONVOY);
        for (String name : command.workloads == null ? workloadNames : command.workloads) {
            if (name.trim().equalsIgnoreCase(SweepPlan.CONVOY)) {
                convoy = true;
                continue;
            }
            Workload workload = parseOrFail(name, "--workloads", Workload::parse);
            if (!workloads.contains(workload)) {
                workloads.add(workload);
            }
        }
        List<Integer> taskCounts = new ArrayList<>();
        for (int n : command.tasks == null ? List.<Integer>of() : command.tasks) {
            if (n < 1) {
                throw new IllegalArgumentException("--tasks " + n + ": expected a batch size of at least 1");
            }
            if (!taskCounts.contains(n)) {
                taskCounts.add(n);
            }
        }
        if (command.maxBatchSeconds < 1) {
            throw new IllegalArgumentException("--max-batch-seconds " + command.maxBatchSeconds + ": expected at least 1");
        }
        String label = command.label == null ? MachineProbe.host() : command.label;
        if (!label.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--label '" + label
                    + "': use 1 to 64 letters, digits, '.', '_' or '-' (it becomes part of a folder name)");
        }
        Instant now = Instant.now();
        String runId = RUN_ID_TIME.format(now) + "-" + label;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean linux = os.contains("linux");
        boolean taskset = linux && MachineProbe.command(List.of("taskset", "-c", "0", "true"), null) != null;
        String pinning = taskset ? "taskset" : linux ? "unavailable: taskset not found (install util-linux)"
                : "unavailable: " + System.getProperty("os.name") + " has no CPU affinity; only -XX:ActiveProcessorCount";
        return new SweepSettings(profile, cores, List.copyOf(models), List.copyOf(workloads), convoy,
                taskCounts.stream().sorted().toList(), Duration.ofSeconds(command.maxBatchSeconds), label, runId,
                command.resultsDir.resolve(runId), command.chartsDir, topology, taskset, pinning, now, null,
                BenchmarkParams.parse(command.params == null ? List.of() : command.params));
    }

    /**
     * The settings of an interrupted run, from its {@code machine.json}: the same profile, models,
     * workloads and sizes, and only the core counts that have no {@code cores-N.json} yet.
     */
    static SweepSettings resume(SweepCommand command, CpuTopology topology) {
        if (command.quick || command.full || command.cores != null || command.models != null
                || command.workloads != null || command.tasks != null || command.label != null
                || command.params != null) {
            throw new IllegalArgumentException("--resume takes its settings from RUN_DIR/machine.json;"
                    + " give it without --quick, --full, --cores, --models, --workloads, --tasks, --param or --label");
        }
        Path runDir = command.resume;
        Path file = runDir.resolve("machine.json");
        MachineInfo machine;
        try {
            machine = MachineInfo.read(file);
        } catch (org.concurrencybench.report.ReportException e) {
            throw new IllegalArgumentException("--resume: cannot read " + e.getMessage());
        }
        Profile profile = Profile.byName(machine.profile());
        List<Integer> left = new ArrayList<>();
        for (int cores : machine.coreCounts()) {
            if (!Files.exists(runDir.resolve("cores-" + cores + ".json"))) {
                left.add(checkCores(List.of(cores), topology.logicalCpus()).get(0));
            }
        }
        List<Model> models = machine.models().stream().map(Model::parse).toList();
        boolean convoy = machine.workloads().contains(SweepPlan.CONVOY);
        List<Workload> workloads = machine.workloads().stream().filter(w -> !w.equals(SweepPlan.CONVOY))
                .map(Workload::parse).toList();
        return new SweepSettings(profile, left, models, workloads, convoy, machine.taskCounts(),
                Duration.ofSeconds(command.maxBatchSeconds), machine.label(), machine.runId(), runDir,
                command.chartsDir, topology, Boolean.TRUE.equals(machine.pinned()), machine.pinning(), Instant.parse(machine.startedAt()),
                machine, machine.params() == null ? java.util.Map.of() : machine.params());
    }

    /** 1, 2, 4, ... up to the machine's CPUs, and the machine's CPUs. */
    static List<Integer> defaultCores(int cpus) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (int n = 1; n <= cpus; n *= 2) {
            counts.add(n);
        }
        counts.add(cpus);
        return List.copyOf(counts);
    }

    private static List<Integer> checkCores(List<Integer> requested, int cpus) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (int n : requested) {
            if (n < 1 || n > cpus) {
                throw new IllegalArgumentException("--cores " + n + ": expected 1 to " + cpus
                        + " (the CPUs this machine lets the suite use)");
            }
            counts.add(n);
        }
        return List.copyOf(counts);
    }

    private static <E> E parseOrFail(String name, String flag, java.util.function.Function<String, E> parse) {
        try {
            return parse.apply(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage()
                    + (flag.equals("--workloads") ? " and CONVOY" : ""));
        }
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }

    /** Whether the run folder exists already (for a new run it never should: the run id has the time in it). */
    boolean runDirExists() {
        return Files.exists(runDir);
    }

    /** Whether this finishes an interrupted run. */
    boolean resuming() {
        return resumed != null;
    }
}
