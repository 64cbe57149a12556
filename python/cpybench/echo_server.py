"""A loopback TCP echo server in its own process, the far end of the IO workload and the convoy.

In its own interpreter so that it is not under the measured client's GIL (as the Java side's
server is not under its simulated lock). Like org.concurrencybench.workload.EchoServer it answers
every read with the same bytes, after an optional reply delay, one thread per connection.

Run as ``python3 -m cpybench.echo_server [--reply-delay-us N]``: it prints ``PORT <n>`` once
listening and serves until its standard input closes. EchoServerProcess does that for a caller.
"""

import argparse
import socket
import subprocess
import sys
import threading
import time

import cpybench


def _serve(conn, delay):
    with conn:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while True:
            try:
                data = conn.recv(65536)
            except OSError:
                return
            if not data:
                return
            if delay > 0:
                time.sleep(delay)
            try:
                conn.sendall(data)
            except OSError:
                return


def main(argv=None):
    cpybench.die_with_parent()
    parser = argparse.ArgumentParser(prog="cpybench.echo_server")
    parser.add_argument("--reply-delay-us", type=int, default=0, help="wait before each reply, microseconds")
    args = parser.parse_args(argv)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4096)

    def accept_loop():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_serve, args=(conn, args.reply_delay_us / 1e6), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    print("PORT %d" % listener.getsockname()[1], flush=True)
    sys.stdin.read()  # until the parent closes our stdin (or dies)
    listener.close()


class EchoServerProcess:
    """Starts the echo server as a child interpreter; ``address`` is (host, port); close() ends it."""

    def __init__(self, reply_delay_us=0):
        self._process = subprocess.Popen(
            [sys.executable, "-m", "cpybench.echo_server", "--reply-delay-us", str(reply_delay_us)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=cpybench.child_env())
        line = self._process.stdout.readline()
        if not line.startswith("PORT "):
            self.close()
            raise RuntimeError("echo server did not start (said %r)" % line)
        self.address = ("127.0.0.1", int(line.split()[1]))

    def close(self):
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


if __name__ == "__main__":
    main()
