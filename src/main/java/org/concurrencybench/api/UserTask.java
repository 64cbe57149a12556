package org.concurrencybench.api;

/**
 * Your own task, run by the suite under every concurrency model and core count: the one type a
 * user compiles against (with {@link Hooks}). Package it in a jar and run
 * {@code ./run-benchmarks.sh --task-jar your.jar --task com.example.YourTask}.
 *
 * <p>The contract:
 * <ul>
 *   <li>The class is public, with a public no-argument constructor. The suite builds one instance
 *       per trial (per JMH fork, and once in each worker JVM of the process models) and calls
 *       {@link #run} on it from many threads at once, so {@code run} must be thread-safe; build
 *       what every call shares (a buffer to hash, a server to call) in the constructor.</li>
 *   <li>One batch calls {@code run(seed, hooks)} once per task, with distinct seeds. The value
 *       returned must depend on the seed only: every model's batch sums these checksums, and a
 *       model whose sum differs from sequential code's is reported as a FAILED cell with both
 *       values. Returning the result of the work also keeps the JIT from removing it.</li>
 *   <li>An exception thrown by {@code run} fails the batch, and with it the cell, naming the
 *       exception; a batch that does not finish within the sweep's per-batch timeout
 *       ({@code --task-timeout}, see {@code -h}) fails its cell too.</li>
 * </ul>
 *
 * <p><b>The hooks and the simulated GIL.</b> Under {@code GLOBAL_LOCK} and
 * {@code GLOBAL_LOCK_PER_TASK} a task holds the simulated interpreter lock while it runs. It gives
 * other tasks a turn only at {@link Hooks#checkpoint()} (call it between small chunks of CPU work,
 * as CPython's interpreter checks between bytecodes) and releases the lock around
 * {@link Hooks#blocking} (wrap every sleep, socket or database call in it, as CPython does around
 * blocking system calls). A task that never calls the hooks holds the lock for its whole run,
 * like a C extension that never releases the GIL: its tasks then run one after another whatever
 * the core count, and a blocking call inside it stalls every other task. Under the other models
 * the hooks cost nothing. Under {@code EVENT_LOOP} the task runs inline on the loop thread: a
 * blocking call there stalls every other task of the loop, which is the lesson asyncio teaches.
 */
@FunctionalInterface
public interface UserTask {

    /**
     * Runs task number {@code seed} of a batch; returns a checksum that depends only on the seed.
     *
     * @param seed  distinct per task of a batch; derive the task's input from it
     * @param hooks where a model may step in: between chunks of CPU work, around blocking calls
     * @return a checksum of the work done, the same for the same seed under every model
     * @throws Exception any failure; it fails the batch and is named in the cell's reason
     */
    long run(long seed, Hooks hooks) throws Exception;
}
