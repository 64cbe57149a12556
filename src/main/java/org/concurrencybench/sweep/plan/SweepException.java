package org.concurrencybench.sweep.plan;

/**
 * A sweep cannot go on, for a reason the user can act on: a run folder that exists already,
 * another JMH holding its lock, a machine file that does not say what to resume. The
 * message is the whole one-line error, naming the file or flag.
 */
public final class SweepException extends RuntimeException {

    public SweepException(String message) {
        super(message);
    }
}
