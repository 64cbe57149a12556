package org.concurrencybench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test descriptions of a machine, built by naming only the fields a test cares about, as they
 * appear in {@code machine.json}: {@code Machines.of("runId", "r", "coreCounts", List.of(1, 2))}.
 * The others are absent, as in an older file, so a new field of {@link MachineInfo} touches no test.
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
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return JSON.convertValue(fields, MachineInfo.class);
    }
}
