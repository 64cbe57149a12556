"""A user's function (--python-task) through every form: the checksums of a sequential call, an
async function awaited by asyncio, a function that raises failing its trial with its exception,
and a module or function not found refused in one line before anything runs."""
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import unittest

from . import _path  # noqa: F401
from cpybench import forms, runner, tasks, trial

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "usertasks")
if FIXTURES not in sys.path:
    sys.path.insert(0, FIXTURES)
os.environ["PYTHONPATH"] = FIXTURES + os.pathsep + os.environ.get("PYTHONPATH", "")


class AUserFunctionThroughEveryForm(unittest.TestCase):

    def test_every_form_returns_what_sequential_calls_return(self):
        for spec in ("sample_tasks:square", "sample_tasks:later"):
            batch = tasks.user_batch(spec, 6, 10)
            expected = [trial.expected_checksum(t) for t in batch]
            self.assertEqual([10 * 10, 11 * 11] if spec.endswith("square") else [11, 12], expected[:2])
            for name in forms.available():
                with self.subTest(spec=spec, form=name):
                    form = forms.build(name, 2)
                    try:
                        self.assertEqual(expected, form.run(batch))
                    finally:
                        form.close()
        self.assertEqual([], multiprocessing.active_children())

    def test_asyncio_awaits_an_async_function_and_calls_a_plain_one_on_the_loop(self):
        self.assertTrue(tasks.is_async("sample_tasks:later"))
        self.assertFalse(tasks.is_async("sample_tasks:square"))

    def test_a_function_that_raises_fails_the_batch_with_its_exception(self):
        batch = tasks.user_batch("sample_tasks:fails", 4, 0)
        for name in forms.available():
            with self.subTest(form=name):
                form = forms.build(name, 2)
                try:
                    with self.assertRaisesRegex(Exception, "bad record 2"):
                        form.run(batch)
                finally:
                    form.close()
        self.assertEqual([], multiprocessing.active_children())

    def test_a_module_or_function_not_found_is_one_line_and_exit_2(self):
        for spec, words in (("no_such_module:f", "cannot import module no_such_module"),
                            ("sample_tasks:missing", "module sample_tasks has no function missing"),
                            ("sample_tasks:NOT_A_FUNCTION", "has no function NOT_A_FUNCTION")):
            with self.subTest(spec=spec):
                done = subprocess.run([sys.executable, os.path.join(_path.ROOT, "run_cpython.py"), "--check-task", spec,
                                       "--task-path", FIXTURES], capture_output=True, text=True)
                self.assertEqual(2, done.returncode)
                lines = done.stderr.strip().splitlines()
                self.assertEqual(1, len(lines), done.stderr)
                self.assertIn(words, lines[0])
        self.assertEqual(0, runner.check_task("sample_tasks:square", FIXTURES))

    def test_the_runner_records_each_form_and_a_python_exception_as_a_failed_cell(self):
        with tempfile.TemporaryDirectory() as out:
            path = os.path.join(out, "py.json")
            code = runner.main(["--cores", "1", "--out", path, "--timing", "1,0,10,1,10", "--workloads", "",
                                "--forms", "sequential,ThreadPoolExecutor,asyncio", "--tasks", "4",
                                "--python-task", "sample_tasks:fails", "--task-path", FIXTURES])
            self.assertEqual(0, code)
            with open(path) as f:
                doc = json.load(f)
        self.assertEqual(3, len(doc["failed"]))
        self.assertTrue(all(f["params"]["workload"] == "USER" and "ValueError: bad record" in f["reason"]
                            for f in doc["failed"]), doc["failed"])
        with tempfile.TemporaryDirectory() as out:
            path = os.path.join(out, "py.json")
            self.assertEqual(0, runner.main(["--cores", "1", "--out", path, "--timing", "1,0,10,1,10",
                                             "--workloads", "", "--forms", "asyncio", "--tasks", "4",
                                             "--python-task", "sample_tasks:later", "--task-path", FIXTURES]))
            with open(path) as f:
                measured = json.load(f)["benchmarks"]
        self.assertEqual("awaited", measured[0]["params"]["calls"])
        self.assertEqual("sample_tasks:later", measured[0]["params"]["task"])

    def test_a_function_that_ends_its_process_fails_its_cell_not_the_runner(self):
        # Issue 27, defect 3: os._exit(0) left the trial's output empty; the runner crashed on it
        # (IndexError), so no cell said why.
        with tempfile.TemporaryDirectory() as out:
            path = os.path.join(out, "py.json")
            code = runner.main(["--cores", "1", "--out", path, "--timing", "1,0,10,1,10", "--workloads", "",
                                "--forms", "sequential", "--tasks", "2",
                                "--python-task", "sample_tasks:exits", "--task-path", FIXTURES])
            self.assertEqual(0, code)
            with open(path) as f:
                doc = json.load(f)
        self.assertEqual([], doc["benchmarks"])
        self.assertEqual(1, len(doc["failed"]))
        self.assertIn("printed no result", doc["failed"][0]["reason"])


if __name__ == "__main__":
    unittest.main()
