package org.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code results/<run-id>/machine.json}, the run's record, in parts by what each
 * describes: the run itself (id, label, times, the suite's commit, whether it was a rehearsal), the
 * {@link Machine} and its state before and after, how core counts were {@linkplain CorePinning pinned},
 * the {@link Plan}, the {@link Rounds}, what {@link Resume} needs and the {@link UserTasks}. The one
 * description of that file: the sweep writes it (Jackson serialises the components in this order),
 * the report, {@code verify} and {@code --resume} read it with {@link #read}.
 *
 * <p>{@code schema} is the file's layout; {@link #SCHEMA} is the one this suite writes, and a file
 * of an earlier layout is upgraded to it by {@link MachineFileMigration}, the only place that knows
 * earlier layouts. Reading is tolerant: only the run id is needed (it falls back to the folder's
 * name); every other field is optional (absent lists and maps read as empty, absent parts as parts
 * with nothing recorded), and unknown extra fields are ignored. A field of the wrong type is a
 * one-line {@link RunFolderException} naming the file and the field. Changes are typed copies
 * ({@link #withFinishedAt}, {@link #withStateAfter}, {@link #withRounds}, {@link #withCpuLayout}).
 *
 * @param rehearsal whether the run was a {@code --rehearse} (unpinned, the smoke profile, no
 *                  measurement); null for a measurement
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineInfo(int schema, String runId, String label, String startedAt, String finishedAt,
                          String suiteCommit, Boolean rehearsal, Machine machine, CorePinning pinning, Plan plan,
                          Rounds rounds, Resume resume, UserTasks userTasks) {

    /** The layout this suite writes; bump it, with a step in {@link MachineFileMigration}, when the layout changes. */
    public static final int SCHEMA = 2;

    public MachineInfo {
        schema = schema == 0 ? SCHEMA : schema;
        machine = machine == null ? Machine.UNKNOWN : machine;
        pinning = pinning == null ? new CorePinning(null, null, null, null) : pinning;
        plan = plan == null ? new Plan(null, null, null, null, null, null, null, null, null, null) : plan;
    }

    /**
     * The machine and software measured, and its state as the sweep started and ended ({@link State},
     * null where not taken).
     *
     * @param openFilesLimit the hard open-file limit that bounded the capacity sizes; null where unknown
     * @param cpuLimits      the CPUs the suite could use
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Machine(String host, String cpuModel, int physicalCores, int logicalCores, long memoryBytes,
                          String os, String osVersion, String arch, String jdkVendor, String jdkVersion,
                          Long openFilesLimit, CpuLimit cpuLimits, State stateBefore, State stateAfter) {

        /** A machine of which nothing is recorded. */
        static final Machine UNKNOWN = new Machine(null, null, 0, 0, 0, null, null, null, null, null, null, null,
                null, null);

        /** The same machine with its state after the sweep. */
        public Machine withStateAfter(State after) {
            return new Machine(host, cpuModel, physicalCores, logicalCores, memoryBytes, os, osVersion, arch,
                    jdkVendor, jdkVersion, openFilesLimit, cpuLimits, stateBefore, after);
        }
    }

    /**
     * How each core count ran on the machine's CPUs.
     *
     * @param pinned          whether CPU affinity pinned them; null where unknown
     * @param description     how they were pinned, in words
     * @param cpusByCoreCount the CPU list each core count used, by core count
     * @param cpuLayout       each core count's label, its CPUs' core type, L3 group, node and socket, and
     *                        the hardware's boundaries; null where not recorded (labels as
     *                        {@link CoreCountLabel} has them)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CorePinning(Boolean pinned, String description, Map<String, String> cpusByCoreCount,
                              CpuLayout cpuLayout) {
        public CorePinning {
            cpusByCoreCount = cpusByCoreCount == null ? Map.of() : Map.copyOf(cpusByCoreCount);
        }
    }

    /**
     * What the sweep set out to measure.
     *
     * @param profile       the profile's name (smoke, quick, default, full)
     * @param spreads       the task-size spreads measured
     * @param skewWorkloads the workloads the uneven spreads ran on
     * @param params        the benchmark parameters set with {@code --param}
     * @param batchTasks    tasks per model batch (0: the benchmark's own 64); null where not recorded
     * @param budget        a {@code --budget} run's plan; null without one
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(String profile, List<Integer> coreCounts, List<String> models, List<String> workloads,
                       List<Integer> taskCounts, List<String> spreads, List<String> skewWorkloads,
                       Map<String, String> params, Integer batchTasks, Budget budget) {
        public Plan {
            coreCounts = listOf(coreCounts);
            for (int cores : coreCounts) {
                if (cores < 1) {
                    throw new IllegalArgumentException("coreCounts: " + cores + " is not a core count (expected 1 or more)");
                }
            }
            models = listOf(models);
            workloads = listOf(workloads);
            taskCounts = listOf(taskCounts);
            spreads = listOf(spreads);
            skewWorkloads = listOf(skewWorkloads);
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    /** Whether this run was a {@code --rehearse}: its numbers measure nothing. */
    public boolean rehearsalRun() {
        return Boolean.TRUE.equals(rehearsal);
    }

    /** How {@code cores} reads in a table: the layout's label, else as {@link CoreCountLabel} has it. */
    public String coreLabel(int cores) {
        return CpuLayout.label(pinning.cpuLayout(), cores, machine.physicalCores());
    }

    /** How {@code cores} reads on a chart's axis. */
    public String coreAxisLabel(int cores) {
        return CpuLayout.axis(pinning.cpuLayout(), cores, machine.physicalCores());
    }

    /** Writes and reads the file; reading leaves out fields this version does not know. */
    private static final ObjectMapper JSON = JsonMapping.mapper();

    /**
     * The CPUs the suite could use: the allowed set ({@code Cpus_allowed_list}), the cgroup v2
     * quota in CPUs (null: none) and the file that set it, and the most cores it planned.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CpuLimit(String allowedCpus, int allowedCount, Double quotaCpus, String quotaFile,
                           int usableCores) {
    }

    /**
     * The machine's state at one moment, as pyperf's {@code system show}: the frequency
     * governor and turbo/boost ("on"/"off"; null where unknown), the 1/5/15-minute load averages,
     * the busiest other processes, the sum of the thermal throttle counters, and the CPUs'
     * highest rated and current frequencies in MHz. Then what other work was running, sampled over
     * a second: {@code loadPerCpu} (the 1-minute load average over the machine's logical CPUs),
     * {@code othersCpus} (the CPUs that every process but the suite's own used in the sample, 1.0 =
     * one CPU busy throughout) and {@code otherProcesses} (the busiest of them, each with its share
     * of one CPU). The three are null (the list empty) where they were not sampled.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(String at, String governor, String boost, List<Double> loadAverage,
                        List<String> busiestProcesses, Long throttleEvents, Long maxMhz, Long currentMhz,
                        Double loadPerCpu, Double othersCpus, List<ProcessUse> otherProcesses) {
        public State {
            loadAverage = loadAverage == null ? List.of() : List.copyOf(loadAverage);
            busiestProcesses = busiestProcesses == null ? List.of() : List.copyOf(busiestProcesses);
            otherProcesses = otherProcesses == null ? List.of() : List.copyOf(otherProcesses);
        }

        /** A state without the sampled other work. */
        public State(String at, String governor, String boost, List<Double> loadAverage, List<String> busiestProcesses,
                     Long throttleEvents, Long maxMhz, Long currentMhz) {
            this(at, governor, boost, loadAverage, busiestProcesses, throttleEvents, maxMhz, currentMhz, null, null,
                    null);
        }
    }

    /** One other process's CPU use over the sample: its name, id, and share of one CPU (1.0 = a whole CPU). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessUse(String name, long pid, double cpu) {
    }

    /**
     * The user's own tasks of a run ({@code --task-jar}, {@code --task}, {@code --task-timeout},
     * {@code --python-task}, {@code --python-path}); null in a run without any.
     *
     * @param classPath      the jars (and folders) the Java classes come from, absolute
     * @param classes        the {@code org.concurrencybench.api.UserTask} classes, each a workload of the run
     * @param timeoutSeconds the per-batch timeout of a user's task
     * @param pythonTask     {@code MODULE:FUNCTION} run through CPython's forms, or null
     * @param pythonPath     the folder the module is imported from, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserTasks(String classPath, List<String> classes, Integer timeoutSeconds, String pythonTask,
                            String pythonPath) {
        public UserTasks {
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /**
     * A {@code --budget} run's plan: the budget as given and in ms, the estimate of the plan, the
     * forks and iterations chosen, the core counts kept, and what was given up to fit, in order.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Budget(String budget, long budgetMillis, long estimatedMillis, int forks, int warmupIterations,
                         long warmupMillis, int iterations, long iterationMillis, List<Integer> coreCounts,
                         List<String> gaveUp) {
        public Budget {
            coreCounts = coreCounts == null ? List.of() : List.copyOf(coreCounts);
            gaveUp = gaveUp == null ? List.of() : List.copyOf(gaveUp);
        }
    }

    /**
     * What else {@code --resume} needs to finish a run as it was started: the charts folder the report
     * goes to, the CPython it ran beside the JVM ({@code ""} for none: {@code --no-python}, or none
     * found), and the capacity sizes' {@code --max-batch-seconds}. Null where not recorded; resuming
     * such a run takes today's defaults.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resume(String chartsDir, String python, Integer maxBatchSeconds) {
    }

    /**
     * A sweep in rounds ({@code rounds/} in the run folder; null for a run of one file per core
     * count): the seed of its shuffled order (the same seed repeats the same order), its stopping
     * rule, and once it stopped, how many rounds finished, why it stopped and the cells still short
     * of the precision.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rounds(long seed, int minRounds, int maxRounds, double precision, Integer finished, String stoppedBy,
                         List<String> shortCells) {
        public Rounds {
            shortCells = shortCells == null ? List.of() : List.copyOf(shortCells);
        }

        /** The same rounds, stopped after {@code finished} rounds for {@code why}. */
        public Rounds stopped(int finishedRounds, String why, List<String> shortOfPrecision) {
            return new Rounds(seed, minRounds, maxRounds, precision, finishedRounds, why, shortOfPrecision);
        }
    }

    /**
     * Reads {@code file}, upgraded to {@link #SCHEMA}; a file without a run id takes its folder's name.
     * Fails with a one-line {@link RunFolderException} naming the file, and the field where one has
     * the wrong type.
     */
    public static MachineInfo read(Path file) {
        ObjectNode tree = JsonFile.readObject(file, "the machine");
        if (!tree.hasNonNull("runId")) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            tree.put("runId", folder == null || folder.getFileName() == null ? "run" : folder.getFileName().toString());
        }
        MachineFileMigration.Upgraded upgraded = MachineFileMigration.upgrade(tree);
        try {
            return JsonFile.bind(file, upgraded.tree(), JSON.readerFor(MachineInfo.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)); // 1.5 cores is no count
        } catch (RunFolderException e) {
            throw upgraded.inFilesTerms(e);
        }
    }

    /** Writes this description to {@code file}, every component, in order. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The same description, finished at {@code when}. */
    public MachineInfo withFinishedAt(String when) {
        return new MachineInfo(schema, runId, label, startedAt, when, suiteCommit, rehearsal, machine, pinning, plan,
                rounds, resume, userTasks);
    }

    /** The same description with the machine's state after the sweep. */
    public MachineInfo withStateAfter(State after) {
        return new MachineInfo(schema, runId, label, startedAt, finishedAt, suiteCommit, rehearsal,
                machine.withStateAfter(after), pinning, plan, rounds, resume, userTasks);
    }

    /** The same description with its rounds' record replaced. */
    public MachineInfo withRounds(Rounds value) {
        return new MachineInfo(schema, runId, label, startedAt, finishedAt, suiteCommit, rehearsal, machine, pinning,
                plan, value, resume, userTasks);
    }

    /** The same description with the CPUs of each core count and the hardware's boundaries. */
    public MachineInfo withCpuLayout(CpuLayout layout) {
        return new MachineInfo(schema, runId, label, startedAt, finishedAt, suiteCommit, rehearsal, machine,
                new CorePinning(pinning.pinned(), pinning.description(), pinning.cpusByCoreCount(), layout), plan,
                rounds, resume, userTasks);
    }

    /** The name a person gave the run, else its id: used in titles and legends. */
    @JsonIgnore
    public String displayName() {
        return label == null || label.isBlank() ? runId : label;
    }
}
