package org.concurrencybench.report.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.concurrencybench.results.JsonFile;
import org.concurrencybench.results.RunFolderException;

/**
 * Reads one JSON file for the report: the run folder's one-line reading errors
 * ({@link JsonFile}) as the report's own {@link ReportException}, which the report command prints.
 */
final class JsonFiles {

    private JsonFiles() {
    }

    /** The file's JSON tree; never null. */
    static JsonNode read(Path file) {
        InputLimits.checkSize(file);
        try {
            return JsonFile.readTree(file);
        } catch (RunFolderException e) {
            throw new ReportException(e.getMessage(), e);
        }
    }
}
