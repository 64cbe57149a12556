"""Each form runs every task of a batch and returns every task's checksum, in task order, and
leaves no thread or child process behind."""
import multiprocessing
import socket
import threading
import unittest

from . import _path  # noqa: F401
from cpybench import forms, tasks, trial
from cpybench.echo_server import EchoServerProcess


class EveryFormReturnsEveryResult(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = EchoServerProcess()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def batches(self):
        return {
            "CPU": tasks.batch("CPU", 7, -3, 1),
            "SLEEP": tasks.batch("SLEEP", 7, 100, 1, sleep_micros=1000),
            "IO": tasks.batch("IO", 7, 200, 1, self.server.address, io_round_trips=2, io_bytes=64),
        }

    def test_every_form_every_workload(self):
        threads_before = threading.active_count()
        for name in forms.available():
            for workload, batch in self.batches().items():
                expected = [trial.expected_checksum(t) for t in batch]
                with self.subTest(form=name, workload=workload):
                    form = forms.build(name, 3)
                    try:
                        self.assertEqual(expected, form.run(batch))
                        self.assertEqual(expected, form.run(batch), "second batch")
                    finally:
                        form.close()
        self.assertEqual([], multiprocessing.active_children())
        self.assertEqual(threads_before, threading.active_count())

    def test_a_failing_task_fails_the_batch_with_its_index(self):
        bad = tasks.batch("IO", 3, 0, 1, ("127.0.0.1", 1), io_round_trips=1)  # port 1: connection refused
        for name in (forms.THREAD_PER_TASK, forms.PROCESS_PER_TASK):
            with self.subTest(form=name):
                form = forms.build(name, 2)
                try:
                    with self.assertRaisesRegex(RuntimeError, "task 0 of 3"):
                        form.run(bad)
                finally:
                    form.close()
        self.assertEqual([], multiprocessing.active_children())

    def test_a_wrong_echo_fails_the_io_task(self):
        listener = socket.create_server(("127.0.0.1", 0))

        def garble():  # answers every request with its bytes reversed
            conn, _ = listener.accept()
            with conn:
                while True:
                    data = conn.recv(65536)
                    if not data:
                        return
                    conn.sendall(data[::-1])

        server = threading.Thread(target=garble)
        server.start()
        try:
            task = tasks.io_task(7, 2, 64, listener.getsockname())
            with self.assertRaisesRegex(RuntimeError, "echo of round trip 0 differs"):
                tasks.run(task)
        finally:
            server.join(timeout=10)
            listener.close()

    def test_unknown_form_names_the_valid_ones(self):
        with self.assertRaisesRegex(ValueError, "ThreadPoolExecutor"):
            forms.build("GreenThreads", 2)


if __name__ == "__main__":
    unittest.main()
