"""The convoy scenario of Python bug 7946, as org.concurrencybench.gil.ConvoyScenario runs it on
the JVM: the calling thread makes echo round trips on one persistent loopback connection to an
echo server in another process (answering after a reply delay), while ``cpu_threads`` threads
run the CPU kernel until stopped. Here the lock is CPython's own GIL, with the switch interval
set by sys.setswitchinterval before the threads start.
"""

import socket
import sys
import threading

from . import kernel, tasks
from .echo_server import EchoServerProcess


class ConvoyScenario:
    """Start it, call round_trip() from one thread as often as wanted, then close()."""

    def __init__(self, cpu_threads, nbytes, reply_delay_us, switch_interval_us, seed):
        if cpu_threads < 0:
            raise ValueError("cpu_threads must be >= 0, got %d" % cpu_threads)
        sys.setswitchinterval(switch_interval_us / 1e6)
        # A ring of requests built here, as tasks.io_task does and for the same reason: the measured
        # thread's Python work per round trip stays a send, a read and a compare, as the JVM's.
        self._requests = [kernel.fill(nbytes, seed, r) for r in range(64)]
        self._round_trips = 0
        self._stopping = False
        self._failure = None
        self.cpu_sink = 0
        self._server = EchoServerProcess(reply_delay_us)
        try:
            self._sock = socket.create_connection(self._server.address, timeout=30)
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except BaseException:
            self._server.close()
            raise
        started = threading.Barrier(cpu_threads + 1)
        self._threads = [threading.Thread(target=self._spin, args=(seed + i + 1, started), name="convoy-cpu-%d" % i)
                         for i in range(cpu_threads)]
        for t in self._threads:
            t.start()
        started.wait(timeout=30)

    def _spin(self, state, started):
        try:
            state = kernel.cpu(state, 1)
            started.wait(timeout=30)
            while not self._stopping:
                state = kernel.cpu(state, 1)
            self.cpu_sink = state
        except BaseException as e:
            self._failure = e

    def round_trip(self):
        """One round trip on the persistent connection, its echo checked; the round trips so far."""
        tasks.round_trip(self._sock, self._requests[self._round_trips % len(self._requests)], self._round_trips)
        self._round_trips += 1
        return self._round_trips

    def close(self):
        """Stops and joins every CPU thread, then closes the connection and the server."""
        self._stopping = True
        try:
            for t in self._threads:
                t.join(timeout=30)
                if t.is_alive():
                    raise RuntimeError("%s still running 30 s after stop" % t.name)
        finally:
            try:
                self._sock.close()
            finally:
                self._server.close()
        if self._failure is not None:
            raise RuntimeError("a convoy CPU thread failed: %r" % self._failure)
