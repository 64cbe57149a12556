package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shape of layout 1 that committed runs hold, upgraded to the current record: each field of
 * the flat file is found, with its value, in its part; the upgraded record is written in the
 * current layout and reads back equal, without a second upgrade.
 */
class MachineFileMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where each flat field of layout 1 lives in the current layout. */
    private static final Map<String, String> MOVED = Map.ofEntries(
            Map.entry("host", "/machine/host"), Map.entry("cpuModel", "/machine/cpuModel"),
            Map.entry("physicalCores", "/machine/physicalCores"), Map.entry("logicalCores", "/machine/logicalCores"),
            Map.entry("memoryBytes", "/machine/memoryBytes"), Map.entry("os", "/machine/os"),
            Map.entry("osVersion", "/machine/osVersion"), Map.entry("arch", "/machine/arch"),
            Map.entry("jdkVendor", "/machine/jdkVendor"), Map.entry("jdkVersion", "/machine/jdkVersion"),
            Map.entry("openFilesLimit", "/machine/openFilesLimit"), Map.entry("cpuLimits", "/machine/cpuLimits"),
            Map.entry("stateBefore", "/machine/stateBefore"), Map.entry("stateAfter", "/machine/stateAfter"),
            Map.entry("pinned", "/pinning/pinned"), Map.entry("pinning", "/pinning/description"),
            Map.entry("cpusByCoreCount", "/pinning/cpusByCoreCount"), Map.entry("cpuLayout", "/pinning/cpuLayout"),
            Map.entry("profile", "/plan/profile"), Map.entry("coreCounts", "/plan/coreCounts"),
            Map.entry("models", "/plan/models"), Map.entry("workloads", "/plan/workloads"),
            Map.entry("taskCounts", "/plan/taskCounts"), Map.entry("spreads", "/plan/spreads"),
            Map.entry("skewWorkloads", "/plan/skewWorkloads"), Map.entry("params", "/plan/params"),
            Map.entry("batchTasks", "/plan/batchTasks"), Map.entry("budget", "/plan/budget"));

    @TempDir
    Path temp;

    /**
     * The shapes of layout 1, oldest first: 32 fields (no batch size), 33 (batchTasks, a budget),
     * 37 (rounds, resume, cpuLayout, userTasks) and 38 (rehearsal).
     */
    @ParameterizedTest
    @ValueSource(strings = {"20261128-200044-dev-2core-A", "20261201-095610-dev-2core-budget5m",
            "20261204-220207-dev-2core-httpget", "20261207-214302-dev-2core-pythons"})
    void aCommittedRunOfLayout1ReadsWithEveryFieldInItsPart(String run) throws Exception {
        Path file = Path.of("results", run, RunFolder.MACHINE);
        JsonNode flat = JSON.readTree(file.toFile());
        assertEquals(1, flat.path("schema").asInt(), "a fixture of layout 1");

        MachineInfo machine = MachineInfo.read(file);
        assertEquals(MachineInfo.SCHEMA, machine.schema());
        JsonNode upgraded = JSON.valueToTree(machine);
        flat.fieldNames().forEachRemaining(name -> {
            JsonNode was = flat.get(name);
            String at = MOVED.getOrDefault(name, "/" + name);
            if (name.equals("schema")) {
                return;
            }
            JsonNode now = upgraded.at(at);
            assertTrue(sameValue(was, now), run + ": " + name + " at " + at + ": " + was + " became " + now);
        });

        Path written = temp.resolve(RunFolder.MACHINE);
        machine.write(written);
        ObjectNode tree = (ObjectNode) JSON.readTree(written.toFile());
        assertEquals(MachineInfo.SCHEMA, tree.get("schema").asInt());
        assertTrue(tree.get("machine").isObject() && tree.get("plan").isObject() && tree.get("pinning").isObject());
        assertFalse(tree.has("cpuModel"), "no flat field is written");
        assertEquals(machine, MachineInfo.read(written));
    }

    /**
     * Whether {@code now} says what {@code was} said: numbers by value (an int read back as a long),
     * objects whatever their order, and a field {@code was} lacks only where {@code now} has it null
     * or empty (a component that file's sweep did not record).
     */
    private static boolean sameValue(JsonNode was, JsonNode now) {
        if (was.isNumber() && now.isNumber()) {
            return was.decimalValue().compareTo(now.decimalValue()) == 0;
        }
        if (was.isObject() && now.isObject()) {
            for (var field : now.properties()) {
                JsonNode value = field.getValue();
                if (!was.has(field.getKey()) && !(value.isNull() || value.isEmpty() && value.isContainerNode())) {
                    return false;
                }
            }
            for (var field : was.properties()) {
                if (!sameValue(field.getValue(), now.path(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (was.isArray() && now.isArray() && was.size() == now.size()) {
            for (int i = 0; i < was.size(); i++) {
                if (!sameValue(was.get(i), now.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return was.equals(now);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261128-200044-dev-2core-A", "20261204-220207-dev-2core-httpget"})
    void aRunOfLayout1HasTheFieldsEachShapeRecorded(String run) {
        MachineInfo machine = MachineInfo.read(Path.of("results", run, RunFolder.MACHINE));
        boolean old = run.startsWith("20261128");
        assertEquals(old, machine.plan().batchTasks() == null, "batchTasks came with the 33-field shape");
        assertEquals(old, machine.rounds() == null, "rounds came with the 37-field shape");
        assertEquals(old, machine.pinning().cpuLayout() == null);
        assertEquals(!old, machine.userTasks() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"spreads\": []}", "{}", "{\"spreads\": null}"})
    void aFileOfLayout1WithoutSpreadsMeasuredEvenBatchesOnly(String json) throws Exception {
        Path file = Files.writeString(Files.createDirectories(temp.resolve("r")).resolve(RunFolder.MACHINE), json);
        assertEquals(List.of("NONE"), MachineInfo.read(file).plan().spreads());
    }

    @org.junit.jupiter.api.Test
    void aFileOfTheCurrentLayoutIsNotMovedAgain() throws Exception {
        Path file = Files.writeString(Files.createDirectories(temp.resolve("r2")).resolve(RunFolder.MACHINE), """
                {"schema": 2, "runId": "r", "plan": {"spreads": [], "coreCounts": [1]},
                 "pinning": {"pinned": true, "description": "taskset"}, "cpuModel": "a layout-1 field, ignored"}""");
        MachineInfo machine = MachineInfo.read(file);
        assertEquals(List.of(), machine.plan().spreads());
        assertEquals(List.of(1), machine.plan().coreCounts());
        assertEquals("taskset", machine.pinning().description());
        assertEquals(null, machine.machine().cpuModel());
    }
}
