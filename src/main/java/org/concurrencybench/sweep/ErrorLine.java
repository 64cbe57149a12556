package org.concurrencybench.sweep;

import org.concurrencybench.sweep.plan.SweepException;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.concurrencybench.report.input.ReportException;
import org.concurrencybench.results.RunFolderException;

/**
 * One line for an error at the sweep's edge, {@code <what> (<where>)}: a full disk names the
 * file it could not write, a refused folder names the folder. Stack traces are for
 * {@code --debug}.
 */
final class ErrorLine {

    private ErrorLine() {
    }

    static String of(Throwable error) {
        Throwable cause = error instanceof UncheckedIOException unchecked ? unchecked.getCause() : error;
        if (cause instanceof FileSystemException files) {
            String reason = files.getReason() != null ? files.getReason()
                    : files.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
            return "cannot write or read the run's files: " + reason + " (" + files.getFile()
                    + (files.getOtherFile() != null ? ", " + files.getOtherFile() : "") + ")";
        }
        if (cause instanceof SweepException || cause instanceof ReportException || cause instanceof RunFolderException) {
            return cause.getMessage();
        }
        if (cause instanceof java.io.IOException io) {
            return io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        }
        if (cause instanceof InterruptedException) {
            return "interrupted";
        }
        return cause.toString();
    }

    /** Whether the error is a bug rather than a condition the user can act on. */
    static boolean unexpected(Throwable error) {
        Throwable cause = error instanceof UncheckedIOException unchecked ? unchecked.getCause() : error;
        return !(cause instanceof java.io.IOException || cause instanceof SweepException
                || cause instanceof ReportException || cause instanceof RunFolderException || cause instanceof InterruptedException);
    }
}
