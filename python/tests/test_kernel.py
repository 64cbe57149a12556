"""The Python kernel against the Java one: every checksum of the fixture that the Java test
CrossLanguageChecksumTest writes (and checks) from the Java tasks, recomputed here."""
import json
import os
import unittest

from . import _path  # noqa: F401
from cpybench import kernel, tasks
from cpybench.echo_server import EchoServerProcess

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "java-checksums.json")


class KernelMatchesJava(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        with open(FIXTURE) as f:
            cls.fixture = json.load(f)

    def test_fixture_was_written_by_the_java_test(self):
        self.assertEqual("org.concurrencybench.workload.CrossLanguageChecksumTest", self.fixture["writtenBy"])
        self.assertGreater(len(self.fixture["cpu"]), 10)

    def test_cpu_kernel_gives_javas_checksums(self):
        for case in self.fixture["cpu"]:
            with self.subTest(seed=case["seed"], units=case["units"]):
                self.assertEqual(case["checksum"], kernel.cpu(case["seed"], case["units"]))

    def test_sleep_checksum_is_javas(self):
        for case in self.fixture["sleep"]:
            with self.subTest(seed=case["seed"]):
                self.assertEqual(case["checksum"], kernel.sleep_checksum(case["seed"]))

    def test_io_task_through_a_real_echo_server_gives_javas_checksum(self):
        with EchoServerProcess() as server:
            for case in self.fixture["io"]:
                task = tasks.io_task(case["seed"], case["roundTrips"], case["bytes"], server.address)
                with self.subTest(seed=case["seed"]):
                    self.assertEqual(case["checksum"], tasks.run(task))

    def test_batch_sum_wraps_as_a_java_long(self):
        for case in self.fixture["batch"]:
            batch = tasks.batch(case["workload"], case["tasks"], case["seedBase"], case["cpuUnits"], sleep_micros=0)
            with self.subTest(workload=case["workload"]):
                self.assertEqual(case["sum"], kernel.batch_sum(tasks.run(t) for t in batch))

    def test_signed_conversion_at_the_edges(self):
        self.assertEqual(-1, kernel.to_signed((1 << 64) - 1))
        self.assertEqual(-(1 << 63), kernel.to_signed(1 << 63))
        self.assertEqual((1 << 63) - 1, kernel.to_signed((1 << 63) - 1))


if __name__ == "__main__":
    unittest.main()
