"""Prints the chunk sizes CPython's multiprocessing.Pool.map cuts for (tasks, workers) pairs.

The known answers of PoolMapChunksTest. Pool._get_tasks is wrapped to record each chunk's length;
ThreadPool shares Pool's _map_async, so no processes are needed. Standard library only:
    python3 src/test/fixture-tools/pool_map_chunks.py
"""
from multiprocessing.pool import Pool, ThreadPool
import sys

PAIRS = [(64, 2), (64, 4), (10, 4), (100, 3), (1, 1), (7, 1), (1000, 8), (65, 2), (17, 3), (33, 16)]

_original = Pool._get_tasks
_recorded = []


def _recording(func, it, size):
    for func_, chunk in _original(func, it, size):
        _recorded.append(len(chunk))
        yield func_, chunk


Pool._get_tasks = staticmethod(_recording)

print("# CPython", sys.version.split()[0])
for tasks, workers in PAIRS:
    _recorded.clear()
    with ThreadPool(workers) as pool:
        squares = pool.map(lambda x: x * x, range(tasks))  # chunksize=None: CPython's default
    assert squares == [x * x for x in range(tasks)], "every result back once, in order"
    print(tasks, workers, _recorded)
