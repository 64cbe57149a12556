package org.concurrencybench.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code results/<run-id>/machine.json}: what machine and software a run measured,
 * how it pinned cores, and the sweep's own settings (so an interrupted run can be resumed and a
 * report can say what it compares). The report reads the same fields.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "runId", "label", "host", "startedAt", "finishedAt", "profile", "suiteCommit",
        "cpuModel", "physicalCores", "logicalCores", "memoryBytes", "os", "osVersion", "arch", "jdkVendor",
        "jdkVersion", "pinned", "pinning", "coreCounts", "cpusByCoreCount", "models", "workloads", "taskCounts"})
public record MachineDescription(
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
        boolean pinned,
        String pinning,
        List<Integer> coreCounts,
        Map<String, String> cpusByCoreCount,
        List<String> models,
        List<String> workloads,
        List<Integer> taskCounts) {

    /** The version of this file's layout. */
    public static final int SCHEMA = 1;

    /** The same description, finished at {@code when}. */
    public MachineDescription finishedAt(String when) {
        return new MachineDescription(schema, runId, label, host, startedAt, when, profile, suiteCommit, cpuModel,
                physicalCores, logicalCores, memoryBytes, os, osVersion, arch, jdkVendor, jdkVersion, pinned,
                pinning, coreCounts, cpusByCoreCount, models, workloads, taskCounts);
    }
}
