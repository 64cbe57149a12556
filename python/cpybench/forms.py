"""CPython's forms of concurrency, each behind one small shape: built once per trial (outside
the measured batches, as the Java runners are), ``run(batch)`` runs every task and returns their
checksums in task order, ``close()`` ends every thread, process and loop it started.

The Java model each one is compared with, by shape, is in the report (CpythonPairing); the names
here are CPython's own.
"""

import asyncio
import concurrent.futures
import multiprocessing
import multiprocessing.connection
import threading

from . import die_with_parent, interpreters, tasks

SEQUENTIAL = "sequential"
THREAD_PER_TASK = "threading.Thread"
THREAD_POOL = "ThreadPoolExecutor"
PROCESS_PER_TASK = "multiprocessing.Process"
PROCESS_POOL = "ProcessPoolExecutor"
ASYNCIO = "asyncio"
#: Subinterpreters with their own GIL (3.12+): interpreters.py says which API builds it where.
INTERPRETER_POOL = "InterpreterPoolExecutor"

NAMES = (SEQUENTIAL, THREAD_PER_TASK, THREAD_POOL, PROCESS_PER_TASK, PROCESS_POOL, ASYNCIO, INTERPRETER_POOL)
#: The forms that start processes, so record the start method.
PROCESS_FORMS = (PROCESS_PER_TASK, PROCESS_POOL)


class Sequential:
    """Every task in turn on the calling thread: the baseline."""

    def run(self, batch):
        return [tasks.run(t) for t in batch]

    def close(self):
        pass


class ThreadPerTask:
    """A threading.Thread per task, all started, then all joined: the start is part of the cost."""

    def run(self, batch):
        results = [None] * len(batch)
        errors = []

        def work(i, task):
            try:
                results[i] = tasks.run(task)
            except BaseException as e:  # reported after the join, for the caller
                errors.append((i, e))

        threads = [threading.Thread(target=work, args=(i, t), name="task-%d" % i) for i, t in enumerate(batch)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            i, e = min(errors, key=lambda pair: pair[0])
            raise RuntimeError("task %d of %d failed: %r" % (i, len(batch), e)) from e
        return results

    def close(self):
        pass


class ThreadPool:
    """ThreadPoolExecutor(parallelism), its threads reused by every batch."""

    def __init__(self, parallelism):
        self._pool = concurrent.futures.ThreadPoolExecutor(parallelism, thread_name_prefix="pool")

    def run(self, batch):
        return list(self._pool.map(tasks.run, batch))

    def close(self):
        self._pool.shutdown(wait=True)


def _child(task, conn):
    die_with_parent()
    try:
        conn.send(("ok", tasks.run(task)))
    except BaseException as e:
        conn.send(("error", repr(e)))
    finally:
        conn.close()


class ProcessPerTask:
    """A multiprocessing.Process per task, at most ``parallelism`` alive at a time (as the Java
    PROCESS_PER_TASK runs them: the next starts as one ends); each sends its checksum back on a
    pipe. Starting the processes is the model's cost, so it is inside the batch."""

    def __init__(self, parallelism, context):
        self._parallelism = parallelism
        self._context = context

    def run(self, batch):
        results = [None] * len(batch)
        failure = None
        pending = list(range(len(batch)))
        running = {}  # the pipe's receiving end -> (task index, process)
        while pending or running:
            while pending and len(running) < self._parallelism:
                i = pending.pop(0)
                receive, send = self._context.Pipe(duplex=False)
                process = self._context.Process(target=_child, args=(batch[i], send), name="task-%d" % i)
                process.start()
                send.close()
                running[receive] = (i, process)
            for receive in multiprocessing.connection.wait(list(running)):
                i, process = running.pop(receive)
                try:
                    status, value = receive.recv()
                except EOFError:
                    status, value = "error", "child exited without a result"
                finally:
                    receive.close()
                process.join()
                if status == "ok":
                    results[i] = value
                elif failure is None or i < failure[0]:
                    failure = (i, "task %d of %d failed in process %s (exit %s): %s"
                               % (i, len(batch), process.pid, process.exitcode, value))
        if failure:
            raise RuntimeError(failure[1])
        return results

    def close(self):
        pass


class ProcessPool:
    """ProcessPoolExecutor(parallelism) with the recorded start method; workers live for the trial."""

    def __init__(self, parallelism, context):
        self._pool = concurrent.futures.ProcessPoolExecutor(parallelism, mp_context=context,
                                                            initializer=die_with_parent)

    def run(self, batch):
        return list(self._pool.map(tasks.run, batch))

    def close(self):
        self._pool.shutdown(wait=True)


class AsyncioLoop:
    """One event loop for the trial; a batch is asyncio.gather of every task's coroutine."""

    def __init__(self):
        self._loop = asyncio.new_event_loop()

    def run(self, batch):
        async def gather():
            return await asyncio.gather(*(tasks.run_async(t) for t in batch))

        return list(self._loop.run_until_complete(gather()))

    def close(self):
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()


def start_method(name):
    """The multiprocessing start method to use: ``name``, or this platform's default."""
    return name or multiprocessing.get_start_method()


def unavailable(name):
    """Why this interpreter cannot run the form ``name`` (one line), or None if it can."""
    if name == INTERPRETER_POOL:
        try:
            interpreters.api()
        except interpreters.NotAvailable as e:
            return str(e)
    return None


def available():
    """The forms this interpreter can run, in NAMES' order."""
    return tuple(name for name in NAMES if unavailable(name) is None)


def build(name, parallelism, method=None):
    """Builds the form called ``name`` (one of NAMES); the caller closes it. A form this interpreter
    lacks raises interpreters.NotAvailable, its message one line."""
    if parallelism < 1:
        raise ValueError("parallelism must be >= 1, got %d" % parallelism)
    if name == SEQUENTIAL:
        return Sequential()
    if name == THREAD_PER_TASK:
        return ThreadPerTask()
    if name == THREAD_POOL:
        return ThreadPool(parallelism)
    if name == PROCESS_PER_TASK:
        return ProcessPerTask(parallelism, multiprocessing.get_context(start_method(method)))
    if name == PROCESS_POOL:
        return ProcessPool(parallelism, multiprocessing.get_context(start_method(method)))
    if name == ASYNCIO:
        return AsyncioLoop()
    if name == INTERPRETER_POOL:
        return interpreters.build(parallelism)
    raise ValueError("unknown form %r; valid: %s" % (name, ", ".join(NAMES)))
