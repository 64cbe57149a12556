"""The interpreter pool: on 3.13+ every workload's checksums through it (under this interpreter
if it has the pool, else under an installed 3.13+ found on the PATH or in pyenv); below 3.13 one
line saying it is not available, recorded as the cell's reason without a trial; and a user's
function that cannot run in a subinterpreter fails its cell with the subinterpreter's reason."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from . import _path  # noqa: F401
from cpybench import PACKAGE_ROOT, forms, interpreters, runner

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "subinterpreters")

# Run by a 3.13+ interpreter: the pool's checksums equal sequential code's on every workload, a
# second batch too, and no thread is left; then the function that needs the main interpreter.
CHECK = r"""
import sys, threading
sys.path[:0] = [%(root)r, %(fixtures)r]
from cpybench import forms, interpreters, tasks, trial
from cpybench.echo_server import EchoServerProcess
server = EchoServerProcess()
threads = threading.active_count()
try:
    for batch in (tasks.batch("CPU", 5, -3, 1), tasks.batch("SLEEP", 5, 9, 1, sleep_micros=1000),
                  tasks.batch("IO", 5, 20, 1, server.address, io_round_trips=2, io_bytes=64)):
        pool = forms.build(forms.INTERPRETER_POOL, 2)
        try:
            expected = [trial.expected_checksum(t) for t in batch]
            assert pool.run(batch) == expected and pool.run(batch) == expected, batch[0].workload
        finally:
            pool.close()
    pool = forms.build(forms.INTERPRETER_POOL, 2)
    try:
        pool.run(tasks.user_batch("main_only:handle", 2, 4))
        print("no error")
    except RuntimeError as e:
        print("error:", e)
    finally:
        pool.close()
finally:
    server.close()
assert threading.active_count() == threads, "threads left"
print("api:", interpreters.api())
"""


def interpreter_with_pool():
    """This interpreter if it has the pool, else an installed CPython 3.13+, else None."""
    if forms.unavailable(forms.INTERPRETER_POOL) is None:
        return sys.executable
    candidates = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[3-9]*/bin/python3")), reverse=True)
    candidates += [shutil.which(n) for n in ("python3.14", "python3.13")]
    for python in (c for c in candidates if c):  # a pyenv shim is on the PATH but may not run
        probe = subprocess.run([python, "-c", "import sys; print(sys.version_info >= (3, 13))"],
                               capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.strip() == "True":
            return python
    return None


class TheInterpreterPool(unittest.TestCase):

    def test_every_workload_through_the_pool_on_a_cpython_that_has_it(self):
        python = interpreter_with_pool()
        if python is None:
            self.skipTest("no CPython 3.13+ installed")
        done = subprocess.run([python, "-c", CHECK % {"root": PACKAGE_ROOT, "fixtures": FIXTURES}],
                              capture_output=True, text=True, timeout=240)
        self.assertEqual(0, done.returncode, done.stderr)
        self.assertIn("error: in a subinterpreter: ImportError: module readline does not support loading in"
                      " subinterpreters", done.stdout)
        self.assertIn("api: ", done.stdout)

    @unittest.skipIf(sys.version_info >= (3, 13), "this interpreter has the pool")
    def test_below_3_13_it_is_one_line_naming_the_version(self):
        why = forms.unavailable(forms.INTERPRETER_POOL)
        self.assertRegex(why, r"^not available in CPython %d\.%d \(" % sys.version_info[:2])
        self.assertNotIn("\n", why)
        self.assertNotIn(forms.INTERPRETER_POOL, forms.available())
        with self.assertRaises(interpreters.NotAvailable):
            forms.build(forms.INTERPRETER_POOL, 2)

    @unittest.skipIf(sys.version_info >= (3, 13), "this interpreter has the pool")
    def test_the_runner_records_the_reason_without_a_trial(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "py.json")
            code = runner.main(["--out", out, "--cores", "1", "--profile", "smoke", "--workloads", "CPU",
                                "--forms", "sequential,InterpreterPoolExecutor", "--cpu-units", "1", "--tasks", "2"])
            with open(out) as f:
                doc = json.load(f)
        self.assertEqual(0, code)
        self.assertEqual(["sequential"], [b["params"]["form"] for b in doc["benchmarks"]])
        self.assertEqual([("InterpreterPoolExecutor", forms.unavailable(forms.INTERPRETER_POOL))],
                         [(f["params"]["form"], f["reason"]) for f in doc["failed"]])
        self.assertIsNone(doc["python"]["interpreterPool"])


if __name__ == "__main__":
    unittest.main()
