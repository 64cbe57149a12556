package org.concurrencybench.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads one JSON file of a run folder and turns every way it can be unreadable into a
 * {@link RunFolderException} whose one-line message says which file (and field) and what is
 * wrong: a user fixing a results folder needs "cores-4.json: truncated", not a Jackson stack trace.
 */
public final class JsonFile {

    private static final ObjectMapper MAPPER = JsonMapping.mapper();

    private JsonFile() {
    }

    /** The file's JSON tree; never null. */
    public static JsonNode readTree(Path file) {
        String text = text(file);
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new RunFolderException(file + ": empty file (the run that wrote it probably stopped early)");
            }
            return tree;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * The file's top-level object, or a one-line error saying the file should hold an object
     * describing {@code what}.
     */
    public static ObjectNode readObject(Path file, String what) {
        JsonNode tree = readTree(file);
        if (!(tree instanceof ObjectNode object)) {
            throw new RunFolderException(file + ": expected a JSON object describing " + what + ", found "
                    + tree.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    /** {@code tree}, read from {@code file}, bound to {@code type}; a wrong type names its field. */
    public static <T> T bind(Path file, JsonNode tree, Class<T> type) {
        return bind(file, tree, MAPPER.readerFor(type));
    }

    /** {@code tree}, read from {@code file}, bound by {@code reader}; a wrong type names its field. */
    public static <T> T bind(Path file, JsonNode tree, ObjectReader reader) {
        try {
            return reader.readValue(tree);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            // The type's own check refused a value: its message names the field and what is wrong.
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new RunFolderException(file + ": " + firstLine(why.getMessage()));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new RunFolderException(file + ": field " + (field.isEmpty() ? "?" : field) + ": "
                    + firstLine(e.getOriginalMessage()).replaceFirst("\\s*\\(but could if coercion was enabled.*\\)$", ""));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static String text(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RunFolderException(file + ": file not found");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFolderException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        if (text.isBlank()) {
            throw new RunFolderException(file + ": empty file (the run that wrote it probably stopped early)");
        }
        return text;
    }

    private static RunFolderException unreadable(Path file, IOException e) {
        if (e instanceof JsonEOFException) {
            return new RunFolderException(file + ": truncated JSON, the file ends in the middle of a value"
                    + " (was the run interrupted?)");
        }
        if (e instanceof JsonParseException parse) {
            JsonLocation at = parse.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new RunFolderException(file + ": damaged JSON" + where + ": " + firstLine(parse.getOriginalMessage()));
        }
        return new RunFolderException(file + ": cannot be read as JSON: " + firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
