package org.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code results/<run-id>/machine.json}: what machine and software a run measured,
 * how it pinned its core counts, and the sweep's own settings (so an interrupted run can be
 * resumed; {@code spreads} are the task-size spreads measured, {@code skewWorkloads} the workloads
 * the uneven ones ran on, both empty for runs from before spreads), the benchmark parameters set
 * with {@code --param} ({@code params}, empty in files written before that flag), and the tasks per
 * model batch of the profile ({@code batchTasks}, 0 for the benchmark's own 64; null in files from
 * before it was recorded), and which hardware each core count ran on ({@code cpuLayout}: labels, each
 * CPU's core type, L3 group, node and socket, and the boundaries; null in files from before it), and
 * whether the run was a rehearsal ({@code rehearsal}: {@code --rehearse}, unpinned, the smoke profile,
 * no measurement; null for a measurement). The one description of that file: the sweep writes it (Jackson serialises the
 * components in this order), the report and {@code --resume} read it with {@link #read}.
 *
 * <p>Jackson binds the file to this record both ways. Reading is tolerant: only the run id is
 * needed (it falls back to the folder's name); every other field is optional (absent lists and
 * maps read as empty), so older or newer sweeps' files still read, and unknown extra fields are
 * ignored. A field of the wrong type is a one-line {@link RunFolderException} naming the file and
 * the field.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineInfo(
        int schema,
        String runId,
        String label,
        String host,
        String startedAt,
        String finishedAt,
        String profile,
        String suiteCommit,
        String cpuModel,
        int physicalCores,
        int logicalCores,
        long memoryBytes,
        String os,
        String osVersion,
        String arch,
        String jdkVendor,
        String jdkVersion,
        Boolean pinned,
        String pinning,
        List<Integer> coreCounts,
        Map<String, String> cpusByCoreCount,
        List<String> models,
        List<String> workloads,
        List<Integer> taskCounts,
        List<String> spreads,
        List<String> skewWorkloads,
        Long openFilesLimit,
        CpuLimit cpuLimits,
        State stateBefore,
        State stateAfter,
        Budget budget,
        Map<String, String> params,
        Integer batchTasks,
        Resume resume,
        Rounds rounds,
        UserTasks userTasks, CpuLayout cpuLayout, Boolean rehearsal) {

    public MachineInfo {
        schema = schema == 0 ? SCHEMA : schema;
        coreCounts = listOf(coreCounts);
        for (int cores : coreCounts) {
            if (cores < 1) {
                throw new IllegalArgumentException("coreCounts: " + cores + " is not a core count (expected 1 or more)");
            }
        }
        cpusByCoreCount = cpusByCoreCount == null ? Map.of() : Map.copyOf(cpusByCoreCount);
        models = listOf(models);
        workloads = listOf(workloads);
        taskCounts = listOf(taskCounts);
        spreads = listOf(spreads);
        skewWorkloads = listOf(skewWorkloads);
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** Whether this run was a {@code --rehearse}: its numbers measure nothing. */
    public boolean rehearsalRun() {
        return Boolean.TRUE.equals(rehearsal);
    }

    /** A description without a CPU layout, as sweeps before {@code cpuLayout} wrote it. */
    public MachineInfo(int schema, String runId, String label, String host, String startedAt, String finishedAt,
                       String profile, String suiteCommit, String cpuModel, int physicalCores, int logicalCores,
                       long memoryBytes, String os, String osVersion, String arch, String jdkVendor, String jdkVersion,
                       Boolean pinned, String pinning, List<Integer> coreCounts, Map<String, String> cpusByCoreCount,
                       List<String> models, List<String> workloads, List<Integer> taskCounts, List<String> spreads,
                       List<String> skewWorkloads, Long openFilesLimit, CpuLimit cpuLimits, State stateBefore,
                       State stateAfter, Budget budget, Map<String, String> params, Integer batchTasks,
                       Resume resume, Rounds rounds, UserTasks userTasks) {
        this(schema, runId, label, host, startedAt, finishedAt, profile, suiteCommit, cpuModel, physicalCores,
                logicalCores, memoryBytes, os, osVersion, arch, jdkVendor, jdkVersion, pinned, pinning, coreCounts,
                cpusByCoreCount, models, workloads, taskCounts, spreads, skewWorkloads, openFilesLimit, cpuLimits,
                stateBefore, stateAfter, budget, params, batchTasks, resume, rounds, userTasks, null, null);
    }

    /** The same description with the CPUs of each core count and the hardware's boundaries. */
    public MachineInfo withCpuLayout(CpuLayout layout) {
        return with("cpuLayout", layout);
    }

    /** How {@code cores} reads in a table: the layout's label, else as {@link CoreCountLabel} has it. */
    public String coreLabel(int cores) {
        return CpuLayout.label(cpuLayout, cores, physicalCores);
    }

    /** How {@code cores} reads on a chart's axis. */
    public String coreAxisLabel(int cores) {
        return CpuLayout.axis(cpuLayout, cores, physicalCores);
    }

    /** The version of this file's layout. */
    public static final int SCHEMA = 1;

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
     * of one CPU). The three are null (the list empty) in files from before they were recorded.
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

        /** A state without the sampled other work, as sweeps before it wrote it. */
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
     * A {@code --budget} run's plan: the budget as given and in ms, the estimate of the plan, the
     * forks and iterations chosen, the core counts kept, and what was given up to fit, in order.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
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
    public record UserTasks(String classPath, List<String> classes, Integer timeoutSeconds, String pythonTask,
                            String pythonPath) {
        public UserTasks {
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

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
     * found), and the capacity sizes' {@code --max-batch-seconds}. Null in files from before it was
     * recorded; resuming those takes today's defaults.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resume(String chartsDir, String python, Integer maxBatchSeconds) {
    }

    /**
     * A sweep in rounds ({@code rounds/} in the run folder; null for a run from before rounds, one
     * file per core count): the seed of its shuffled order (the same seed repeats the same order),
     * its stopping rule, and once it stopped, how many rounds finished, why it stopped and the
     * cells still short of the precision.
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

    /** The same description with its rounds' record replaced. */
    public MachineInfo withRounds(Rounds value) {
        return with("rounds", value);
    }

    /**
     * Reads {@code file}; a file without a run id takes its folder's name. Fails with a one-line
     * {@link RunFolderException} naming the file, and the field where one has the wrong type.
     */
    public static MachineInfo read(Path file) {
        ObjectNode tree = JsonFile.readObject(file, "the machine");
        if (!tree.hasNonNull("runId")) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            tree.put("runId", folder == null || folder.getFileName() == null ? "run" : folder.getFileName().toString());
        }
        return JsonFile.bind(file, tree, JSON.readerFor(MachineInfo.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)); // 1.5 cores is no count
    }

    /** Writes this description to {@code file}, every component, in order. */
    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The same description, finished at {@code when}. */
    public MachineInfo finishedAt(String when) {
        return with("finishedAt", when);
    }

    /** The same description with the machine's state after the sweep. */
    public MachineInfo withStateAfter(State after) {
        return with("stateAfter", after);
    }

    /**
     * The same description with one field changed, through the file's own binding, so that a new
     * component needs no change here.
     */
    private MachineInfo with(String field, Object value) {
        ObjectNode tree = JSON.valueToTree(this);
        tree.set(field, JSON.valueToTree(value));
        try {
            return JSON.treeToValue(tree, MachineInfo.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("machine description does not bind to itself: " + field, e);
        }
    }

    /** The name a person gave the run, else its id: used in titles and legends. */
    @JsonIgnore
    public String displayName() {
        return label == null || label.isBlank() ? runId : label;
    }
}
