"""The runner's file has the shape docs/cpython.md documents, checked field by field here
(not with the module's own code), on a real, tiny run."""
import json
import os
import tempfile
import unittest

from . import _path  # noqa: F401
from cpybench import runner


class OutputHasTheDocumentedShape(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        out = os.path.join(cls.dir.name, "cpython-cores-1.json")
        argv = ["--out", out, "--cores", "1", "--cpus", "0", "--profile", "quick", "--tasks", "3",
                "--forms", "sequential,ThreadPoolExecutor", "--workloads", "CPU,CONVOY", "--cpu-units", "1",
                "--switch-intervals", "1000", "--cpu-threads", "1"]
        saved = runner.PROFILES["quick"]
        runner.PROFILES["quick"] = (2, 1, 20, 2, 20)  # a tiny profile: 2 forks of 2 iterations
        try:
            cls.exit = runner.main(argv)
        finally:
            runner.PROFILES["quick"] = saved
        with open(out) as f:
            cls.doc = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_header(self):
        self.assertEqual(0, self.exit)
        d = self.doc
        self.assertEqual("concurrencybench-cpython/1", d["format"])
        self.assertEqual({"executable", "version", "implementation", "build", "gilEnabled", "gilDisabledBuild", "interpreterPool",
                          "defaultSwitchIntervalMicros"}, set(d["python"]))
        self.assertIn(d["python"]["build"], ("gil", "free-threaded"))
        self.assertEqual(1, d["cores"])
        self.assertEqual("0", d["cpus"])
        self.assertEqual(1, d["cpuUnits"])
        self.assertIn(d["startMethod"], ("fork", "spawn", "forkserver"))
        self.assertEqual([], d["failed"])

    def test_benchmarks_are_jmh_entries_with_every_iteration_kept(self):
        names = [(b["benchmark"], b["mode"], b["primaryMetric"]["scoreUnit"]) for b in self.doc["benchmarks"]]
        self.assertEqual([("cpython.batch", "avgt", "ms/op")] * 2 + [("cpython.convoy", "thrpt", "ops/s")], names)
        for b in self.doc["benchmarks"]:
            raw = b["primaryMetric"]["rawData"]
            self.assertEqual(2, len(raw), "one row per fork")
            self.assertTrue(all(len(row) == 2 for row in raw), "one value per measured iteration")
            self.assertAlmostEqual(sum(sum(r) for r in raw) / 4, b["primaryMetric"]["score"])
            self.assertTrue(all(isinstance(v, str) for v in b["params"].values()), "params are strings, as JMH's")
        batch = self.doc["benchmarks"][1]["params"]
        self.assertEqual("ThreadPoolExecutor", batch["form"])
        self.assertEqual("CPU", batch["workload"])
        convoy = self.doc["benchmarks"][2]["params"]
        self.assertEqual({"cpuThreads": "1", "switchIntervalMicros": "1000", "ioBytes": "256",
                          "replyDelayMicros": "50"}, convoy)


if __name__ == "__main__":
    unittest.main()
