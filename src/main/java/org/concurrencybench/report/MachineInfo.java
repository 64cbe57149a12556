package org.concurrencybench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code machine.json} says about the machine and the sweep that made a run. Only the run id
 * is needed (and falls back to the folder's name); every other field is optional, so older or
 * newer sweeps' files still read, and unknown extra fields are ignored.
 */
public record MachineInfo(
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
        List<Integer> coreCounts) {

    /** Reads the object, or fails with a one-line message naming {@code file}. */
    static MachineInfo fromJson(JsonNode node, Path file, String fallbackRunId) {
        if (!node.isObject()) {
            throw new ReportException(file + ": expected a JSON object describing the machine, found "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        List<Integer> coreCounts = new ArrayList<>();
        for (JsonNode count : node.path("coreCounts")) {
            if (count.canConvertToInt()) {
                coreCounts.add(count.asInt());
            }
        }
        String runId = text(node, "runId");
        return new MachineInfo(
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
                List.copyOf(coreCounts));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The name a person gave the run, else its id: used in titles and legends. */
    public String displayName() {
        return label == null || label.isBlank() ? runId : label;
    }
}
