package org.concurrencybench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test descriptions of a machine, built by naming only the fields a test cares about, as a flat
 * {@code machine.json} of layout 1 names them: {@code Machines.of("runId", "r", "coreCounts", List.of(1, 2))}.
 * The others are absent, as in an older file, so a new field of {@link MachineInfo} touches no test;
 * {@link MachineFileMigration} upgrades the result as it upgrades such a file, and a name layout 1
 * never had is refused rather than dropped.
 */
public final class Machines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Machines() {
    }

    /** A description with {@code fieldsAndValues} (name, value, name, value, ...) set, the rest absent. */
    public static MachineInfo of(Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected field, value pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String name = (String) fieldsAndValues[i];
            if (!MachineFileMigration.isLayout1Field(name)) {
                throw new IllegalArgumentException("machine.json has no field " + name);
            }
            fields.put(name, fieldsAndValues[i + 1]);
        }
        ObjectNode tree = JSON.valueToTree(fields);
        return JSON.convertValue(MachineFileMigration.upgrade(tree).tree(), MachineInfo.class);
    }
}
