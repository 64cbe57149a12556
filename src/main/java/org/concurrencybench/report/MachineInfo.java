package org.concurrencybench.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code results/<run-id>/machine.json}: what machine and software a run measured,
 * how it pinned its core counts, and the sweep's own settings (so an interrupted run can be
 * resumed), including the benchmark parameters set with {@code --param} ({@code params}, empty in
 * files written before that flag). The one description of that file: the sweep writes it (Jackson serialises the
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
        Map<String, String> params) {

    /** The version of this file's layout. */
    public static final int SCHEMA = 1;

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
                strings(node.path("params")));
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
                pinning, coreCounts, cpusByCoreCount, models, workloads, taskCounts, params);
    }

    /** The name a person gave the run, else its id: used in titles and legends. */
    @JsonIgnore
    public String displayName() {
        return label == null || label.isBlank() ? runId : label;
    }
}
