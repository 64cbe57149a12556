package org.concurrencybench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows the earlier layouts of {@code machine.json}: it upgrades a file's tree,
 * step by step, to {@link MachineInfo#SCHEMA} before {@link MachineInfo#read} binds it, so every
 * other class reads the current record only. A file without {@code schema} is of layout 1.
 *
 * <p>Layout 1 is one flat object of about 38 fields, grown field by field; layout 2 groups them into
 * the parts of {@link MachineInfo} ({@code machine}, {@code pinning}, {@code plan}), the run's own
 * fields and {@code rounds}, {@code resume} and {@code userTasks} staying where they were. The
 * upgrade also settles what layout 1's older files left out: a run before task-size spreads measured
 * even batches only ({@code spreads} becomes {@code ["NONE"]}). What stays absent in an upgraded
 * file is what that run did not record, and reads as the parts' Javadoc says: no {@code rounds}
 * (one file per core count), no {@code resume} or {@code cpuLayout} (today's defaults and labels),
 * no {@code batchTasks} (a quick profile of the benchmark's own 64 tasks; {@code PlannedRun}), no
 * sampled other work in a {@code State}.
 */
public final class MachineFileMigration {

    /** Layout 1's top-level fields that layout 2 keeps in each part, in the part's order. */
    private static final Map<String, List<String>> PARTS_OF_LAYOUT_1 = Map.of(
            "machine", List.of("host", "cpuModel", "physicalCores", "logicalCores", "memoryBytes", "os", "osVersion",
                    "arch", "jdkVendor", "jdkVersion", "openFilesLimit", "cpuLimits", "stateBefore", "stateAfter"),
            "pinning", List.of("pinned", "pinning", "cpusByCoreCount", "cpuLayout"),
            "plan", List.of("profile", "coreCounts", "models", "workloads", "taskCounts", "spreads", "skewWorkloads",
                    "params", "batchTasks", "budget"));

    /** Layout 1's fields renamed inside a part: pinning's words are {@code pinning.description}. */
    private static final Map<String, String> RENAMED_IN_LAYOUT_2 = Map.of("pinning", "description");

    private MachineFileMigration() {
    }

    /**
     * A tree upgraded to the current layout, and the layout it was read in (for errors that name
     * a field as the file has it).
     */
    public record Upgraded(ObjectNode tree, int fromSchema) {

        /** {@code error} with a field named as the file spells it (layout 1: no part in front). */
        RunFolderException inFilesTerms(RunFolderException error) {
            if (fromSchema != 1) {
                return error;
            }
            String message = error.getMessage();
            for (String part : PARTS_OF_LAYOUT_1.keySet()) {
                message = message.replace(": field " + part + ".description", ": field pinning")
                        .replace(": field " + part + ".", ": field ");
            }
            return message.equals(error.getMessage()) ? error : new RunFolderException(message);
        }
    }

    /** {@code tree} (changed in place) in the current layout; a layout newer than this suite's is left as is. */
    public static Upgraded upgrade(ObjectNode tree) {
        int schema = tree.path("schema").canConvertToInt() && tree.path("schema").asInt() > 0
                ? tree.path("schema").asInt() : 1;
        if (schema == 1) {
            fromLayout1(tree);
        }
        if (schema < MachineInfo.SCHEMA) {
            tree.put("schema", MachineInfo.SCHEMA);
        }
        return new Upgraded(tree, schema);
    }

    /** Every field name layout 1 knew, for tests that build a file of that layout by name. */
    public static boolean isLayout1Field(String name) {
        return PARTS_OF_LAYOUT_1.values().stream().anyMatch(fields -> fields.contains(name))
                || List.of("schema", "runId", "label", "startedAt", "finishedAt", "suiteCommit", "rehearsal", "rounds",
                "resume", "userTasks").contains(name);
    }

    private static void fromLayout1(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        for (Map.Entry<String, List<String>> part : PARTS_OF_LAYOUT_1.entrySet()) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            for (String name : part.getValue()) {
                JsonNode value = copy.get(name);
                tree.remove(name);
                if (value != null) {
                    fields.set(part.getKey().equals("pinning") ? RENAMED_IN_LAYOUT_2.getOrDefault(name, name) : name,
                            value);
                }
            }
            tree.set(part.getKey(), fields);
        }
        JsonNode spreads = tree.path("plan").path("spreads");
        if (!(spreads instanceof ArrayNode list) || list.isEmpty()) {
            ((ObjectNode) tree.get("plan")).set("spreads", JsonNodeFactory.instance.arrayNode().add("NONE"));
        }
    }
}
