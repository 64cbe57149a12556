"""The work of one task, as the Java suite's workload package does it: CPU (the kernel), SLEEP
(a blocking 10 ms sleep) and IO (256-byte round trips on its own loopback connection to the
echo server, 20 per task). Each task returns its checksum, the same value the Java task returns.

A task is a small picklable tuple, so the process forms can send it to a child as it is.
"""

import asyncio
import collections
import socket
import time

from . import kernel

WORKLOADS = ("CPU", "SLEEP", "IO")

# Defaults of org.concurrencybench.workload.WorkloadSettings (the CPU units differ: see sizes()).
DEFAULT_SLEEP_MICROS = 10_000
DEFAULT_IO_ROUND_TRIPS = 20
DEFAULT_IO_BYTES = 256

Task = collections.namedtuple("Task", "workload seed cpu_units sleep_micros io_round_trips io_bytes host port")


def batch(workload, tasks, seed_base, cpu_units, server=None, sleep_micros=DEFAULT_SLEEP_MICROS,
          io_round_trips=DEFAULT_IO_ROUND_TRIPS, io_bytes=DEFAULT_IO_BYTES):
    """``tasks`` distinct tasks; task i has seed ``seed_base + i`` (as Workload.batch does)."""
    if workload not in WORKLOADS:
        raise ValueError("unknown workload %r; valid: %s" % (workload, ", ".join(WORKLOADS)))
    if workload == "IO" and server is None:
        raise ValueError("IO needs an echo server address")
    host, port = server if server else (None, None)
    return [Task(workload, seed_base + i, cpu_units, sleep_micros, io_round_trips, io_bytes, host, port)
            for i in range(tasks)]


def run(task):
    """Runs one task with blocking calls; returns its checksum (a signed 64-bit value)."""
    if task.workload == "CPU":
        return kernel.cpu(task.seed, task.cpu_units)
    if task.workload == "SLEEP":
        time.sleep(task.sleep_micros / 1e6)
        return kernel.sleep_checksum(task.seed)
    with socket.create_connection((task.host, task.port), timeout=10) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        checksum = kernel.io_initial(task.seed)
        for r in range(task.io_round_trips):
            checksum = round_trip(sock, task.seed, r, checksum, task.io_bytes)
        return checksum


def round_trip(sock, seed, r, checksum, nbytes):
    """Sends round trip ``r``'s request, reads the whole echo, folds it into ``checksum``."""
    sock.sendall(kernel.fill(nbytes, seed, r))
    reply = bytearray()
    while len(reply) < nbytes:
        chunk = sock.recv(nbytes - len(reply))
        if not chunk:
            raise EOFError("echo server closed the connection after %d of %d bytes of round trip %d"
                           % (len(reply), nbytes, r))
        reply += chunk
    return kernel.fold(checksum, reply)


async def run_async(task):
    """The same task as a coroutine: asyncio.sleep and asyncio streams; CPU work blocks the loop."""
    if task.workload == "CPU":
        return kernel.cpu(task.seed, task.cpu_units)
    if task.workload == "SLEEP":
        await asyncio.sleep(task.sleep_micros / 1e6)
        return kernel.sleep_checksum(task.seed)
    reader, writer = await asyncio.open_connection(task.host, task.port)
    try:
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        checksum = kernel.io_initial(task.seed)
        for r in range(task.io_round_trips):
            writer.write(kernel.fill(task.io_bytes, task.seed, r))
            await writer.drain()
            checksum = kernel.fold(checksum, await reader.readexactly(task.io_bytes))
        return checksum
    finally:
        writer.close()
        await writer.wait_closed()
