package org.concurrencybench.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code results/<run-id>/machine.json}: what machine and software a run measured,
 * how it pinned its core counts, and the sweep's own settings (so an interrupted run can be
 * resumed; {@code spreads} are the task-size spreads measured, {@code skewWorkloads} the workloads
 * the uneven ones ran on, both empty for runs from before spreads), the benchmark parameters set
 * with {@code --param} ({@code params}, empty in files written before that flag). The one description of that file: the sweep writes it (Jackson serialises the
 * components in this order), the report and {@code --resume} read it with {@link #read}.
 *
 * <p>Reading is tolerant: only the run id is needed (it falls back to the folder's name); every
 * other field is optional, so older or newer sweeps' files still read, and unknown extra fields
 * are ignored.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
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
        Map<String, String> params) {

    /**
     * A description without task-size spreads: runs from before spreads existed, whose batches
     * were all even ({@code NONE}).
     */
    public MachineInfo(int schema, String runId, String label, String host, String startedAt, String finishedAt,
                       String profile, String suiteCommit, String cpuModel, int physicalCores, int logicalCores,
                       long memoryBytes, String os, String osVersion, String arch, String jdkVendor, String jdkVersion,
                       Boolean pinned, String pinning, List<Integer> coreCounts, Map<String, String> cpusByCoreCount,
                       List<String> models, List<String> workloads, List<Integer> taskCounts) {
        this(schema, runId, label, host, startedAt, finishedAt, profile, suiteCommit, cpuModel, physicalCores,
                logicalCores, memoryBytes, os, osVersion, arch, jdkVendor, jdkVersion, pinned, pinning, coreCounts,
                cpusByCoreCount, models, workloads, taskCounts, List.of(), List.of(), null, null, null, null, null,
                Map.of());
    }

    /** The version of this file's layout. */
    public static final int SCHEMA = 1;

    /** Reads the records nested in the file; fields they do not know are left out. */
    private static final ObjectMapper NESTED = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The CPUs the suite could use: the allowed set ({@code Cpus_allowed_list}), the cgroup v2
     * quota in CPUs (null: none) and the file that set it, and the most cores it planned.
     */
    public record CpuLimit(String allowedCpus, int allowedCount, Double quotaCpus, String quotaFile,
                           int usableCores) {
    }

    /**
     * The machine's state at one moment, as pyperf's {@code system show}: the frequency
     * governor and turbo/boost ("on"/"off"; null where unknown), the 1/5/15-minute load averages,
     * the busiest other processes, the sum of the thermal throttle counters, and the CPUs'
     * highest rated and current frequencies in MHz.
     */
    public record State(String at, String governor, String boost, List<Double> loadAverage,
                        List<String> busiestProcesses, Long throttleEvents, Long maxMhz, Long currentMhz) {
        public State {
            loadAverage = loadAverage == null ? List.of() : List.copyOf(loadAverage);
            busiestProcesses = busiestProcesses == null ? List.of() : List.copyOf(busiestProcesses);
        }
    }

    /**
     * A {@code --budget} run's plan: the budget as given and in ms, the estimate of the plan, the
     * forks and iterations chosen, the core counts kept, and what was given up to fit, in order.
     */
    public record Budget(String budget, long budgetMillis, long estimatedMillis, int forks, int warmupIterations,
                         long warmupMillis, int iterations, long iterationMillis, List<Integer> coreCounts,
                         List<String> gaveUp) {
        public Budget {
            coreCounts = coreCounts == null ? List.of() : List.copyOf(coreCounts);
            gaveUp = gaveUp == null ? List.of() : List.copyOf(gaveUp);
        }
    }


    /** Reads {@code file}, or fails with a one-line {@link ReportException} naming it. */
    public static MachineInfo read(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return fromJson(JsonFiles.read(file), file, folder == null ? "run" : folder.getFileName().toString());
    }

    /** Reads the object, or fails with a one-line message naming {@code file}. */
    static MachineInfo fromJson(JsonNode node, Path file, String fallbackRunId) {
        if (!node.isObject()) {
            throw new ReportException(file + ": expected a JSON object describing the machine, found "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        String runId = text(node, "runId");
        Map<String, String> cpus = new LinkedHashMap<>();
        node.path("cpusByCoreCount").fields().forEachRemaining(entry -> cpus.put(entry.getKey(),
                entry.getValue().asText()));
        return new MachineInfo(
                node.path("schema").asInt(SCHEMA),
                runId == null ? fallbackRunId : runId,
                text(node, "label"),
                text(node, "host"),
                text(node, "startedAt"),
                text(node, "finishedAt"),
                text(node, "profile"),
                text(node, "suiteCommit"),
                text(node, "cpuModel"),
                node.path("physicalCores").asInt(0),
                node.path("logicalCores").asInt(0),
                node.path("memoryBytes").asLong(0),
                text(node, "os"),
                text(node, "osVersion"),
                text(node, "arch"),
                text(node, "jdkVendor"),
                text(node, "jdkVersion"),
                node.path("pinned").isBoolean() ? node.get("pinned").asBoolean() : null,
                text(node, "pinning"),
                ints(node.path("coreCounts")),
                Map.copyOf(cpus),
                texts(node.path("models")),
                texts(node.path("workloads")),
                ints(node.path("taskCounts")),
                texts(node.path("spreads")),
                texts(node.path("skewWorkloads")),
                node.path("openFilesLimit").canConvertToLong() ? node.get("openFilesLimit").asLong() : null,
                nested(node, "cpuLimits", CpuLimit.class, file),
                nested(node, "stateBefore", State.class, file),
                nested(node, "stateAfter", State.class, file),
                nested(node, "budget", Budget.class, file),
                strings(node.path("params")));
    }

    private static <T> T nested(JsonNode node, String field, Class<T> type, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return NESTED.treeToValue(value, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ReportException(file + ": field " + field + ": expected " + type.getSimpleName()
                    + " fields, " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A JSON object of strings; empty when absent (machine.json from before --param). */
    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new java.util.TreeMap<>();
        object.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return Map.copyOf(values);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.canConvertToInt()) {
                values.add(value.asInt());
            }
        }
        return List.copyOf(values);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    /** The same description, finished at {@code when}. */
    public MachineInfo finishedAt(String when) {
        return new MachineInfo(schema, runId, label, host, startedAt, when, profile, suiteCommit, cpuModel,
                physicalCores, logicalCores, memoryBytes, os, osVersion, arch, jdkVendor, jdkVersion, pinned,
                pinning, coreCounts, cpusByCoreCount, models, workloads, taskCounts, spreads, skewWorkloads,
                openFilesLimit, cpuLimits, stateBefore, stateAfter, budget, params);
    }

    /** The same description with the machine's state after the sweep. */
    public MachineInfo withStateAfter(State after) {
        return new MachineInfo(schema, runId, label, host, startedAt, finishedAt, profile, suiteCommit, cpuModel,
                physicalCores, logicalCores, memoryBytes, os, osVersion, arch, jdkVendor, jdkVersion, pinned,
                pinning, coreCounts, cpusByCoreCount, models, workloads, taskCounts, spreads, skewWorkloads,
                openFilesLimit, cpuLimits, stateBefore, after, budget, params);
    }

    /** The name a person gave the run, else its id: used in titles and legends. */
    @JsonIgnore
    public String displayName() {
        return label == null || label.isBlank() ? runId : label;
    }
}
