"""The work of one task, as the Java suite's workload package does it: CPU (the kernel), SLEEP
(a blocking 10 ms sleep) and IO (256-byte round trips on its own loopback connection to the
echo server, 20 per task). Each task returns its checksum, the same value the Java task returns.
USER is the user's own function (``--python-task MODULE:FUNCTION``), called ``FUNCTION(seed)``;
what it returns is its checksum, compared with a sequential call's.

A task is a small picklable tuple, so the process forms can send it to a child as it is.

Why an I/O task carries its requests and checksum: the JVM builds each 256-byte request and folds
each reply in JIT-compiled code, well under a microsecond; the same loops interpreted take a few
hundred microseconds per round trip, CPU work under the GIL that would turn CPython's I/O tasks
into partly CPU-bound ones and compare the interpreter's speed, not the lock. So the requests and
the checksum are computed when the batch is built (outside the measured path), and the measured
task sends each request, reads the whole echo and checks it byte for byte (a C-speed compare):
a wrong or short echo fails the task, and the checksum is still the Java task's.
"""

import asyncio
import collections
import importlib
import inspect
import socket
import time

from . import kernel

WORKLOADS = ("CPU", "SLEEP", "IO")
USER = "USER"

# Defaults of org.concurrencybench.workload.WorkloadSettings (the CPU units differ: see sizes()).
DEFAULT_SLEEP_MICROS = 10_000
DEFAULT_IO_ROUND_TRIPS = 20
DEFAULT_IO_BYTES = 256

Task = collections.namedtuple("Task", "workload seed cpu_units sleep_micros io_round_trips io_bytes host port "
                                     "requests io_checksum function", defaults=(None,))

_FUNCTIONS = {}  # "module:function" -> the function, once per process


class TaskNotFound(Exception):
    """--python-task names a module or function that cannot be imported; the message is one line."""


def user_function(spec):
    """The function ``spec`` ("module:function") names, imported once per process (sys.path as set)."""
    function = _FUNCTIONS.get(spec)
    if function is None:
        module_name, _, name = spec.partition(":")
        if not module_name or not name:
            raise TaskNotFound("--python-task %s: expected MODULE:FUNCTION" % spec)
        try:
            module = importlib.import_module(module_name)
        except ImportError as e:
            raise TaskNotFound("--python-task %s: cannot import module %s: %s" % (spec, module_name, e)) from e
        function = getattr(module, name, None)
        if not callable(function):
            raise TaskNotFound("--python-task %s: module %s has no function %s" % (spec, module_name, name))
        _FUNCTIONS[spec] = function
    return function


def is_async(spec):
    """Whether the user's function is ``async def``: asyncio awaits it, the other forms run it to completion."""
    return inspect.iscoroutinefunction(user_function(spec))


def user_batch(spec, tasks, seed_base):
    """``tasks`` calls of the user's function, seeds ``seed_base``, ``seed_base + 1``, ..."""
    return [Task(USER, seed_base + i, 0, 0, 0, 0, None, None, (), 0, spec) for i in range(tasks)]


def batch(workload, tasks, seed_base, cpu_units, server=None, sleep_micros=DEFAULT_SLEEP_MICROS,
          io_round_trips=DEFAULT_IO_ROUND_TRIPS, io_bytes=DEFAULT_IO_BYTES):
    """``tasks`` distinct tasks; task i has seed ``seed_base + i`` (as Workload.batch does)."""
    if workload not in WORKLOADS:
        raise ValueError("unknown workload %r; valid: %s" % (workload, ", ".join(WORKLOADS)))
    if workload == "IO" and server is None:
        raise ValueError("IO needs an echo server address")
    if workload == "IO":
        return [io_task(seed_base + i, io_round_trips, io_bytes, server) for i in range(tasks)]
    return [Task(workload, seed_base + i, cpu_units, sleep_micros, 0, 0, None, None, (), 0) for i in range(tasks)]


def io_task(seed, round_trips, nbytes, server):
    """An I/O task with its requests built and its checksum (IoTask's) computed beforehand."""
    requests = tuple(kernel.fill(nbytes, seed, r) for r in range(round_trips))
    checksum = kernel.io_initial(seed)
    for request in requests:
        checksum = kernel.fold(checksum, request)
    return Task("IO", seed, 0, 0, round_trips, nbytes, server[0], server[1], requests, checksum)


def run(task):
    """Runs one task with blocking calls; returns its checksum (a signed 64-bit value)."""
    if task.workload == USER:
        function = user_function(task.function)
        if inspect.iscoroutinefunction(function):
            return asyncio.run(function(task.seed))
        return function(task.seed)
    if task.workload == "CPU":
        return kernel.cpu(task.seed, task.cpu_units)
    if task.workload == "SLEEP":
        time.sleep(task.sleep_micros / 1e6)
        return kernel.sleep_checksum(task.seed)
    with socket.create_connection((task.host, task.port), timeout=10) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for r, request in enumerate(task.requests):
            round_trip(sock, request, r)
        return task.io_checksum


def round_trip(sock, request, r):
    """Sends ``request``, reads the whole echo and checks it is the request, byte for byte."""
    sock.sendall(request)
    reply = bytearray()
    while len(reply) < len(request):
        chunk = sock.recv(len(request) - len(reply))
        if not chunk:
            raise EOFError("echo server closed the connection after %d of %d bytes of round trip %d"
                           % (len(reply), len(request), r))
        reply += chunk
    if reply != request:
        raise RuntimeError("the echo of round trip %d differs from its request" % r)


async def run_async(task):
    """The same task as a coroutine: asyncio.sleep and asyncio streams; CPU work blocks the loop.
    The user's function is awaited if it is ``async def``, else called on the loop, which it blocks."""
    if task.workload == USER:
        function = user_function(task.function)
        if inspect.iscoroutinefunction(function):
            return await function(task.seed)
        return function(task.seed)
    if task.workload == "CPU":
        return kernel.cpu(task.seed, task.cpu_units)
    if task.workload == "SLEEP":
        await asyncio.sleep(task.sleep_micros / 1e6)
        return kernel.sleep_checksum(task.seed)
    reader, writer = await asyncio.open_connection(task.host, task.port)
    try:
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for r, request in enumerate(task.requests):
            writer.write(request)
            await writer.drain()
            if await reader.readexactly(len(request)) != request:
                raise RuntimeError("the echo of round trip %d differs from its request" % r)
        return task.io_checksum
    finally:
        writer.close()
        await writer.wait_closed()
