package org.concurrencybench.api;

import java.util.concurrent.Callable;

/**
 * The two points at which a model may step into a {@link UserTask}, the way CPython's interpreter
 * steps into Python code. Under the models without an interpreter lock both are free: the
 * check point does nothing and a blocking call is just called.
 */
public interface Hooks {

    /**
     * A point between chunks of CPU work (about a few microseconds to a millisecond each) where a
     * simulated global interpreter lock may be handed to another task, as CPython may between
     * bytecodes. A task that never calls it holds the lock from start to end.
     */
    void checkpoint();

    /**
     * Runs {@code call}, a blocking call (sleep, socket, file, database, HTTP), with the simulated
     * global interpreter lock released meanwhile and taken back afterwards, as CPython's
     * {@code Py_BEGIN_ALLOW_THREADS} / {@code Py_END_ALLOW_THREADS} do.
     *
     * @return what {@code call} returns
     * @throws Exception what {@code call} throws, unchanged
     */
    <T> T blocking(Callable<T> call) throws Exception;
}
