package org.concurrencybench.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The suite's one Jackson configuration, so that every file of a run folder is written and read
 * alike: indented output (people read these files), and fields this version does not know left
 * out (a newer suite's or companion's file still reads). A reader that must be stricter narrows it
 * with {@code readerFor(...).without(...)}, as {@link MachineInfo} does.
 */
public final class JsonMapping {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonMapping() {
    }

    /** The configured mapper; shared, so never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
