"""Whether the GIL is on, as the result file records it: a free-threaded build (Py_GIL_DISABLED)
with its GIL off is "free-threaded"; one whose GIL came back on (PYTHON_GIL=1, an extension that
asks) and every build before 3.13 are "gil". A real free-threaded CPython (python3.13t, python3.14t)
is asked where one is installed; without one a stand-in plays it."""
import glob
import json
import os
import shutil
import subprocess
import sys
import unittest
from unittest import mock

from . import _path  # noqa: F401
from cpybench import PACKAGE_ROOT, output


def free_threaded_python():
    """An installed free-threaded CPython, or None."""
    candidates = [shutil.which(n) for n in ("python3.14t", "python3.13t")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[3-9]*t/bin/python3*t")), reverse=True)
    for python in (c for c in candidates if c):
        probe = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_config_var('Py_GIL_DISABLED'))"],
                               capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.strip() == "1":
            return python
    return None


class TheGilAsRecorded(unittest.TestCase):

    def test_this_interpreter(self):
        disabled_build, gil = output.gil_state()
        header = output.interpreter()
        self.assertEqual(disabled_build, header["gilDisabledBuild"])
        self.assertEqual("gil" if gil else "free-threaded", header["build"])
        if sys.version_info < (3, 13):
            self.assertEqual((False, True), (disabled_build, gil))

    def test_a_free_threaded_build_with_its_gil_off(self):
        python = free_threaded_python()
        if python is not None:  # the real thing
            done = subprocess.run([python, "-c", "import json, sys; sys.path.insert(0, %r); from cpybench import output;"
                                   " print(json.dumps(output.interpreter()))" % PACKAGE_ROOT],
                                  capture_output=True, text=True, env=dict(os.environ, PYTHON_GIL="0"))
            self.assertEqual(0, done.returncode, done.stderr)
            header = json.loads(done.stdout)
        else:  # a stand-in: the build's variable and the runtime's answer as a free-threaded CPython gives them
            with mock.patch("sysconfig.get_config_var", lambda name: 1 if name == "Py_GIL_DISABLED" else None), \
                    mock.patch.object(sys, "_is_gil_enabled", lambda: False, create=True):
                header = output.interpreter()
        self.assertEqual(("free-threaded", False, True),
                         (header["build"], header["gilEnabled"], header["gilDisabledBuild"]))

    def test_a_free_threaded_build_whose_gil_came_back_on(self):
        with mock.patch("sysconfig.get_config_var", lambda name: 1 if name == "Py_GIL_DISABLED" else None), \
                mock.patch.object(sys, "_is_gil_enabled", lambda: True, create=True):
            header = output.interpreter()
        self.assertEqual(("gil", True, True), (header["build"], header["gilEnabled"], header["gilDisabledBuild"]))


if __name__ == "__main__":
    unittest.main()
