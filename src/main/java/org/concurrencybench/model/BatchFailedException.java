package org.concurrencybench.model;

/** A batch did not complete because one of its tasks failed; the task's exception is the cause. */
public class BatchFailedException extends RuntimeException {

    public BatchFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message for task {@code index} of a batch of {@code size} failing under {@code model}. */
    static String describe(Model model, int index, int size, Throwable cause) {
        return "task " + index + " of " + size + " failed under " + model + ": " + cause;
    }
}
