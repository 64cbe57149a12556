package org.concurrencybench.results;

import java.util.LinkedHashMap;
import java.util.Map;
import org.concurrencybench.model.Model;

/**
 * Which suite model each CPython form is compared with: the one of the same shape. With the GIL,
 * {@code ThreadPoolExecutor(p)} is a pool of p threads under the lock ({@link Model#GLOBAL_LOCK}) and
 * a {@code threading.Thread} per task a thread per task under it ({@link Model#GLOBAL_LOCK_PER_TASK}).
 * A free-threaded CPython (3.13t and later, its GIL off) has no lock to simulate: its threads pair
 * with the free JVM models of the same shape, {@link Model#FIXED_POOL} and {@link Model#THREAD_PER_TASK}.
 * The process forms and asyncio pair the same way in either build. An interpreter pool
 * ({@code InterpreterPoolExecutor}: p subinterpreters, each with its own GIL, CPython 3.13+) is the
 * same p threads without the shared lock, so it pairs with {@link Model#FIXED_POOL} in either build,
 * as processes pair with {@link Model#PROCESS_POOL}. Form names are those the companion writes
 * (python/cpybench/forms.py).
 */
public final class CpythonPairing {

    public static final String SEQUENTIAL = "sequential";
    public static final String THREAD_PER_TASK = "threading.Thread";
    public static final String THREAD_POOL = "ThreadPoolExecutor";
    public static final String PROCESS_PER_TASK = "multiprocessing.Process";
    public static final String PROCESS_POOL = "ProcessPoolExecutor";
    public static final String ASYNCIO = "asyncio";
    public static final String INTERPRETER_POOL = "InterpreterPoolExecutor";

    private static final Map<String, Model> WITH_GIL = pairs(Model.GLOBAL_LOCK_PER_TASK, Model.GLOBAL_LOCK);
    private static final Map<String, Model> FREE_THREADED = pairs(Model.THREAD_PER_TASK, Model.FIXED_POOL);

    private CpythonPairing() {
    }

    private static Map<String, Model> pairs(Model threadPerTask, Model threadPool) {
        Map<String, Model> pairs = new LinkedHashMap<>();
        pairs.put(SEQUENTIAL, Model.SEQUENTIAL);
        pairs.put(THREAD_PER_TASK, threadPerTask);
        pairs.put(THREAD_POOL, threadPool);
        pairs.put(PROCESS_PER_TASK, Model.PROCESS_PER_TASK);
        pairs.put(PROCESS_POOL, Model.PROCESS_POOL);
        pairs.put(ASYNCIO, Model.EVENT_LOOP);
        pairs.put(INTERPRETER_POOL, Model.FIXED_POOL);
        return pairs;
    }

    /** Every form, in the report's order, with its model for this build. */
    public static Map<String, Model> forms(boolean freeThreaded) {
        return freeThreaded ? FREE_THREADED : WITH_GIL;
    }

    /**
     * The convoy's JVM model: the simulated lock for a CPython with the GIL, free threads for a
     * free-threaded one (whose convoy there is none to simulate).
     */
    public static Model convoyModel(boolean freeThreaded) {
        return freeThreaded ? Model.THREAD_PER_TASK : Model.GLOBAL_LOCK;
    }
}
