package org.concurrencybench.report.input;

/**
 * A problem with the user's input (a missing, damaged or unexpected results file) that the report
 * command prints as one line, naming the file and what is wrong, instead of a stack trace.
 */
public final class ReportException extends RuntimeException {

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
