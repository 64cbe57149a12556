package org.concurrencybench.workload.user;

/**
 * A user's task class that cannot be used: not found, not a {@code UserTask}, no public
 * no-argument constructor, or a constructor that threw. Its message is one line that names the
 * class and what is wrong, fit to print as it is before anything runs.
 */
public final class BadTaskException extends Exception {

    public BadTaskException(String message) {
        super(message);
    }

    public BadTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
