"""CPython beside the simulation: the suite's batches run through CPython's own forms of
concurrency (threading, concurrent.futures, multiprocessing, asyncio), measured in JMH's spirit.

Standard library only. See docs/cpython.md for the output's shape and how the sweep runs it.
"""

import os
import signal
import sys

#: The folder that holds this package: children started with ``python3 -m cpybench...`` need it.
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child_env():
    """The environment for a child interpreter that imports this package."""
    env = dict(os.environ)
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = PACKAGE_ROOT if not path else PACKAGE_ROOT + os.pathsep + path
    return env


def die_with_parent():
    """Linux: this process is killed when its parent dies, however it dies (``kill -9`` of the sweep
    included), as the sweep's ``setpriv --pdeathsig KILL`` does for JMH and this companion. Every
    process of the companion's tree calls it first (the trial interpreters, the echo server, the
    multiprocessing children and pool workers), since the signal is not inherited. Elsewhere it does
    nothing; the sweep still stops its children on an orderly exit."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        import ctypes
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent == 1:  # orphaned before the call: the parent is gone already
        os._exit(1)
