package org.concurrencybench.workload;

/**
 * The points at which a model may step into a running task, the way CPython's interpreter steps
 * into Python code: between "bytecodes" of CPU work, and around blocking calls.
 *
 * <p>Tasks call {@link #checkpoint()} between small chunks of CPU work and wrap every blocking
 * call (sleep, socket read or write) in {@link #beforeBlocking()} / {@link #afterBlocking()}, the
 * analogue of {@code Py_BEGIN_ALLOW_THREADS} / {@code Py_END_ALLOW_THREADS}. Models without an
 * interpreter lock pass {@link #NONE}, whose calls the JIT inlines to nothing.
 */
public interface ExecutionHooks {

    /** Hooks that do nothing: free-running Java code. */
    ExecutionHooks NONE = new ExecutionHooks() {
        @Override
        public void checkpoint() {
        }

        @Override
        public void beforeBlocking() {
        }

        @Override
        public void afterBlocking() {
        }
    };

    /** Called between chunks of CPU work; a global interpreter lock may be handed over here. */
    void checkpoint();

    /** Called just before a blocking call; a global interpreter lock is released here. */
    void beforeBlocking();

    /** Called just after a blocking call returns or throws; the lock is taken back here. */
    void afterBlocking();

    /** Runs {@code call} as a blocking call: between {@link #beforeBlocking()} and {@link #afterBlocking()}. */
    default <T> T blocking(BlockingCall<T> call) throws Exception {
        beforeBlocking();
        try {
            return call.call();
        } finally {
            afterBlocking();
        }
    }

    /** A call that blocks the thread (sleep, socket I/O). */
    @FunctionalInterface
    interface BlockingCall<T> {
        T call() throws Exception;
    }
}
