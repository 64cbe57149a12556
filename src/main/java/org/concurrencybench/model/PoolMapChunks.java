package org.concurrencybench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@code multiprocessing.Pool.map} cuts a batch into chunks, for {@link Model#PROCESS_POOL}
 * with a {@code chunksize}. CPython ({@code Lib/multiprocessing/pool.py}, {@code Pool._map_async}):
 *
 * <pre>
 * if chunksize is None:
 *     chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
 *     if extra:
 *         chunksize += 1
 * if len(iterable) == 0:
 *     chunksize = 0
 * </pre>
 *
 * and {@code Pool._get_tasks} slices the input into consecutive tuples of {@code chunksize}
 * ({@code itertools.islice}), the last one shorter. The chunks go onto one task queue, and each
 * worker takes the next chunk when it is free: so the cut is fixed up front, and one heavy chunk
 * keeps its worker busy while the others idle.
 */
public final class PoolMapChunks {

    /** The suite's setting for "CPython's default": {@code Pool.map(..., chunksize=None)}. */
    static final int CPYTHON_DEFAULT = 0;

    private PoolMapChunks() {
    }

    /** CPython's default chunk size for {@code tasks} tasks on {@code workers} workers. */
    public static int defaultChunksize(int tasks, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool has at least 1 worker, got " + workers);
        }
        if (tasks == 0) {
            return 0;
        }
        int chunksize = tasks / (workers * 4);
        int extra = tasks % (workers * 4);
        return extra != 0 ? chunksize + 1 : chunksize;
    }

    /** The chunk size a batch is cut with: {@code setting}, or CPython's default where it is {@value #CPYTHON_DEFAULT}. */
    static int chunksize(int setting, int tasks, int workers) {
        if (setting < 0) {
            throw new IllegalArgumentException("chunksize must be >= 0 (0 = CPython's default), got " + setting);
        }
        return setting == CPYTHON_DEFAULT ? defaultChunksize(tasks, workers) : setting;
    }

    /** Consecutive slices of {@code chunksize} items, the last one shorter, as {@code Pool._get_tasks} cuts them. */
    static <T> List<List<T>> split(List<T> batch, int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be >= 1 to cut a batch, got " + chunksize);
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += chunksize) {
            chunks.add(batch.subList(from, Math.min(batch.size(), from + chunksize)));
        }
        return chunks;
    }
}
