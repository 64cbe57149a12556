package org.concurrencybench.results;

/**
 * A run folder's file that cannot be read as the folder's contract says: missing, empty, damaged
 * JSON, or a field of the wrong type. Its message is one line naming the file (and the field),
 * for the report and the sweep's {@code --resume} to print as it is.
 */
public final class RunFolderException extends RuntimeException {

    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
