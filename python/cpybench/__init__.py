"""CPython beside the simulation: the suite's batches run through CPython's own forms of
concurrency (threading, concurrent.futures, multiprocessing, asyncio), measured in JMH's spirit.

Standard library only. See docs/cpython.md for the output's shape and how the sweep runs it.
"""

import os

#: The folder that holds this package: children started with ``python3 -m cpybench...`` need it.
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child_env():
    """The environment for a child interpreter that imports this package."""
    env = dict(os.environ)
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = PACKAGE_ROOT if not path else PACKAGE_ROOT + os.pathsep + path
    return env
