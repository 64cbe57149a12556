"""The interpreter pool: ``parallelism`` subinterpreters in this one process, each with its own GIL
(PEP 684, CPython 3.12+), each driven by one thread of the main interpreter that hands it tasks.
It is the thread pool without the shared lock, in CPython's own terms; the report pairs it with the
JVM's FIXED_POOL as it pairs ProcessPoolExecutor with PROCESS_POOL.

Which API runs it depends on the interpreter, checked on the CPythons this suite was built with:

- 3.14 and later: ``concurrent.futures.InterpreterPoolExecutor`` (PEP 734), as it is.
- 3.13: the low-level ``_interpreters`` module (``create()`` defaults to the "isolated" config,
  which has its own GIL; ``exec(id, code, shared)`` runs code in it, returning an exception
  snapshot or None).
- 3.12: not available, though it has the parts: ``_xxsubinterpreters.create(isolated=True)``
  gives a subinterpreter its own GIL, but on 3.12.1 destroying one that imported asyncio (as every
  task module here does) aborts the process ("free(): invalid pointer"), and destroying one that
  imported threading from another thread hangs. 3.13 does neither.
- 3.9 to 3.11: not available. They have ``_xxsubinterpreters`` too, but every subinterpreter
  there shares the main interpreter's GIL (own GILs came with 3.12), so it would measure threads
  under one lock again, not this form.

On 3.13 the pool is built as 3.14's is: a ThreadPoolExecutor whose every worker thread
owns one subinterpreter. A task crosses as pickled bytes (``shared`` carries only bytes, str, int
and the like); its result comes back pickled too, written by the subinterpreter into a scratch file
the worker owns and read back after the call returns (3.13's ``_interpqueues`` is private, and in a first
try here an item a subinterpreter put was not there to get). Each subinterpreter imports this
package (and the user's module) itself once: that is the pool's start-up, outside the measured batches.
"""

import concurrent.futures
import os
import pickle
import sys
import tempfile
import threading

from . import PACKAGE_ROOT

VERSION = "%d.%d" % sys.version_info[:2]


class NotAvailable(Exception):
    """This interpreter has no interpreter pool; the message is one line, for the cell's reason."""


def _low_level():
    """(module, create, run) for the low-level API of this version; run(id, code, shared) raises on failure."""
    if sys.version_info >= (3, 13):
        import _interpreters

        def run(interp, code, shared):
            failure = _interpreters.exec(interp, code, shared)
            if failure is not None:
                raise RuntimeError(getattr(failure, "formatted", None) or str(failure))
        return _interpreters, _interpreters.create, run
    if sys.version_info >= (3, 12):
        raise NotAvailable("not available in CPython %s (its _xxsubinterpreters aborts on destroying a"
                           " subinterpreter that imported asyncio; 3.13+ runs it)" % VERSION)
    raise NotAvailable("not available in CPython %s (subinterpreters with their own GIL came with 3.12,"
                       " a pool of them with 3.13 here)" % VERSION)


def api():
    """Which API the pool uses here, as the result file records it; raises NotAvailable before 3.13."""
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        return "concurrent.futures.InterpreterPoolExecutor"
    return _low_level()[0].__name__


# Run once in each new subinterpreter: its path, this package, and the function every task calls.
_SETUP = """
import os as _os, pickle as _pickle, sys as _sys
_sys.path[:0] = [p for p in paths.split(_os.pathsep) if p not in _sys.path]
from cpybench import tasks as _tasks

def _run_task(task_bytes, fd):
    try:
        out = _pickle.dumps((True, _tasks.run(_pickle.loads(task_bytes))))
    except BaseException as e:
        out = _pickle.dumps((False, "%s: %s" % (type(e).__name__, e)))
    _os.ftruncate(fd, 0)
    _os.pwrite(fd, out, 0)
"""
_CALL = "_run_task(task, fd)"


class _Worker:
    """One subinterpreter and the scratch file its results come back through; used by one thread."""

    def __init__(self, create, run, paths):
        self._run = run
        self._scratch = tempfile.TemporaryFile()
        self.interp = create()
        run(self.interp, _SETUP, {"paths": paths})

    def call(self, task):
        fd = self._scratch.fileno()
        self._run(self.interp, _CALL, {"task": pickle.dumps(task), "fd": fd})
        ok, value = pickle.loads(os.pread(fd, os.fstat(fd).st_size, 0))
        if not ok:
            raise RuntimeError("in a subinterpreter: %s" % value)
        return value

    def close(self, destroy):
        destroy(self.interp)
        self._scratch.close()


class LowLevelPool:
    """The 3.13 pool: ThreadPoolExecutor(parallelism), each worker thread with its subinterpreter."""

    def __init__(self, parallelism):
        module, create, run = _low_level()
        self._destroy = module.destroy
        self._workers = []
        self._lock = threading.Lock()
        self._local = threading.local()
        paths = os.pathsep.join([PACKAGE_ROOT] + [p for p in sys.path if p])

        def start():
            worker = _Worker(create, run, paths)
            self._local.worker = worker
            with self._lock:
                self._workers.append(worker)

        self._pool = concurrent.futures.ThreadPoolExecutor(parallelism, thread_name_prefix="interp",
                                                           initializer=start)
        # Start every worker now, not in the first measured batch: a barrier holds each thread
        # until all have started, so the pool cannot hand the p calls to fewer threads.
        barrier = threading.Barrier(parallelism)
        list(self._pool.map(lambda _: barrier.wait(), range(parallelism)))

    def _call(self, task):
        return self._local.worker.call(task)

    def run(self, batch):
        return list(self._pool.map(self._call, batch))

    def close(self):
        self._pool.shutdown(wait=True)
        for worker in self._workers:
            worker.close(self._destroy)


def _add_paths(paths):
    sys.path[:0] = [p for p in paths if p not in sys.path]


class ExecutorPool:
    """3.14's concurrent.futures.InterpreterPoolExecutor(parallelism); tasks cross it pickled."""

    def __init__(self, parallelism):
        paths = (PACKAGE_ROOT,) + tuple(p for p in sys.path if p)
        self._pool = concurrent.futures.InterpreterPoolExecutor(parallelism, initializer=_add_paths,
                                                                initargs=(paths,))

    def run(self, batch):
        from . import tasks
        return list(self._pool.map(tasks.run, batch))

    def close(self):
        self._pool.shutdown(wait=True)


def build(parallelism):
    """The interpreter pool of this interpreter; raises NotAvailable (one line) where it has none."""
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        return ExecutorPool(parallelism)
    return LowLevelPool(parallelism)
