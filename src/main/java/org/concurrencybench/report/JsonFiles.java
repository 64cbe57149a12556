package org.concurrencybench.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one JSON file and turns every way it can be unreadable into a {@link ReportException}
 * whose one-line message says which file and what is wrong: a user fixing a results folder needs
 * "cores-4.json: truncated", not a Jackson stack trace.
 */
final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {
    }

    /** The file's JSON tree; never null. */
    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReportException(file + ": file not found");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        if (text.isBlank()) {
            throw new ReportException(file + ": empty file (the run that wrote it probably stopped early)");
        }
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new ReportException(file + ": empty file (the run that wrote it probably stopped early)");
            }
            return tree;
        } catch (JsonEOFException e) {
            throw new ReportException(file + ": truncated JSON, the file ends in the middle of a value"
                    + " (was the run interrupted?)");
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ReportException(file + ": damaged JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ReportException(file + ": cannot be read as JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
