"""The result file, RUN_DIR/cpython-cores-N.json: JMH's JSON entries for the benchmarks, inside
an object that also says which interpreter ran them and how. The shape is documented in
docs/cpython.md; the Java report (CpythonResults) reads it and rejects any other.
"""

import json
import os
import platform
import statistics
import sys
import sysconfig

from . import interpreters

FORMAT = "concurrencybench-cpython/1"


def gil_state():
    """(gil_disabled_build, gil_enabled): whether the build is free-threaded (its Py_GIL_DISABLED,
    3.13+) and whether the GIL is on now (``sys._is_gil_enabled()``, 3.13+: a free-threaded build
    turns it back on for an extension that asks, or with PYTHON_GIL=1). Before 3.13: a GIL build, on."""
    disabled_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    return disabled_build, (not disabled_build) if is_gil_enabled is None else bool(is_gil_enabled())


def interpreter():
    """Which CPython this is: version, implementation, whether the GIL is on, and its interpreter pool."""
    disabled_build, gil = gil_state()
    try:
        pool = interpreters.api()
    except interpreters.NotAvailable:
        pool = None
    return {
        "executable": sys.executable,
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "build": "gil" if gil else "free-threaded",
        "gilEnabled": gil,
        "gilDisabledBuild": disabled_build,
        "interpreterPool": pool,
        "defaultSwitchIntervalMicros": round(sys.getswitchinterval() * 1e6),
    }


def entry(benchmark, mode, unit, params, raw_data, profile):
    """One benchmark as JMH writes it: params as strings, primaryMetric with every iteration kept."""
    values = [v for fork in raw_data for v in fork]
    return {
        "benchmark": benchmark,
        "mode": mode,
        "forks": len(raw_data),
        "warmupIterations": profile["warmupIterations"],
        "warmupTime": "%d ms" % profile["warmupMillis"],
        "measurementIterations": profile["iterations"],
        "measurementTime": "%d ms" % profile["iterationMillis"],
        "params": {k: str(v) for k, v in params.items()},
        "primaryMetric": {
            "score": statistics.fmean(values),
            "scoreUnit": unit,
            "rawData": raw_data,
        },
    }


def document(cores, cpus, start_method, cpu_units, unit_micros, task_millis, profile, benchmarks, failed):
    """The whole file."""
    return {
        "format": FORMAT,
        "python": interpreter(),
        "cores": cores,
        "cpus": cpus,
        "affinity": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "startMethod": start_method,
        "cpuUnits": cpu_units,
        "cpuUnitMicros": unit_micros,
        "taskMillisTarget": task_millis,
        "profile": profile,
        "benchmarks": benchmarks,
        "failed": failed,
    }


def write(path, doc):
    """Writes ``doc`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    temporary = path + ".partial"
    with open(temporary, "w") as f:
        json.dump(doc, f, indent=2)
    os.replace(temporary, path)
