#!/usr/bin/env python3
"""Writes src/test/resources/report/cpython/: a 2-core run with planted JVM results (cores-N.json)
and planted CPython results (cpython-cores-N.json, written by the companion's own writer,
python/cpybench/output.py), so the report's pairing and verdicts meet known answers. Run once;
the output is checked in. Every cell's six values are base * (1, 1.02, 0.98, 1.01, 0.99, 1).

Known answers (CPU, speedup over each side's sequential at 1 core):
  ThreadPoolExecutor 300 -> 300 ms  vs GLOBAL_LOCK 100 -> 100 ms: 1.0 and 1.0, agrees
  ProcessPoolExecutor 300 -> 375 ms vs PROCESS_POOL 100 -> 50 ms: 0.8 and 2.0, ratio 0.4 (> 2x off)
  multiprocessing.Process at 2 cores: FAILED, "exit 1: OSError: boom"
Convoy at 2 cores (round trips/s alone, beside 1, beside 2):
  5000 us: CPython 2500, 50, 25 vs GLOBAL_LOCK 10000, 200, 100: slowdowns 50 and 50, agrees
  1000 us: CPython 2500, 400, 200 vs GLOBAL_LOCK 10000, 1000, 500: slowdowns 6.25 and 10, ratio 0.625
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "python"))
from cpybench import output  # noqa: E402

OUT = os.path.join(HERE, "..", "resources", "report", "cpython")
SPREAD = [[1.00, 1.02, 0.98], [1.01, 0.99, 1.00]]
PROFILE = {"forks": 2, "warmupIterations": 1, "warmupMillis": 300, "iterations": 3, "iterationMillis": 300}


def raw(base):
    return [[round(base * f, 6) for f in fork] for fork in SPREAD]


def jmh(bench, mode, unit, params, base):
    r = raw(base)
    return {"jmhVersion": "1.37", "benchmark": "org.concurrencybench.bench." + bench, "mode": mode, "threads": 1,
            "forks": 2, "params": params, "primaryMetric": {"score": base, "scoreUnit": unit, "rawData": r},
            "secondaryMetrics": {}}


JVM_CPU = {"SEQUENTIAL": (100, 100), "GLOBAL_LOCK": (100, 100), "GLOBAL_LOCK_PER_TASK": (100, 100),
           "PROCESS_POOL": (100, 50), "PROCESS_PER_TASK": (150, 75), "EVENT_LOOP": (100, 100)}
PY_CPU = {"sequential": (300, 300), "ThreadPoolExecutor": (300, 300), "threading.Thread": (300, 300),
          "ProcessPoolExecutor": (300, 375), "multiprocessing.Process": (450, None), "asyncio": (300, 300)}
JVM_CONVOY = {5000: (10000, 200, 100), 1000: (10000, 1000, 500)}
PY_CONVOY = {5000: (2500, 50, 25), 1000: (2500, 400, 200)}

os.makedirs(OUT, exist_ok=True)
machine = {"schema": 1, "runId": "cpython-2core", "label": "planted CPython comparison", "host": "fixture",
           "startedAt": "2026-01-10T10:00:00Z", "finishedAt": "2026-01-10T11:00:00Z", "profile": "quick",
           "suiteCommit": "unknown", "cpuModel": "unknown", "physicalCores": 2, "logicalCores": 2,
           "memoryBytes": 8589934592, "os": "Linux", "osVersion": "6.x", "arch": "amd64",
           "jdkVendor": "Eclipse Adoptium", "jdkVersion": "25", "pinned": True, "pinning": "taskset",
           "coreCounts": [1, 2], "cpusByCoreCount": {"1": "0", "2": "0,1"}, "models": list(JVM_CPU),
           "workloads": ["CPU", "CONVOY"]}
with open(os.path.join(OUT, "machine.json"), "w") as f:
    json.dump(machine, f, indent=1)

for i, cores in enumerate((1, 2)):
    entries = [jmh("ModelBenchmark.batch", "avgt", "ms/op", {"model": m, "workload": "CPU", "tasks": "64",
                                                               "parallelism": "0"}, t[i]) for m, t in JVM_CPU.items()]
    if cores == 2:
        for interval, values in JVM_CONVOY.items():
            for threads, value in enumerate(values):
                entries.append(jmh("ConvoyBenchmark.roundTrip", "thrpt", "ops/s", {
                    "model": "GLOBAL_LOCK", "cpuThreads": str(threads), "switchIntervalMicros": str(interval),
                    "gilFlavour": "MODERN", "ioBytes": "256", "replyDelayMicros": "50"}, value))
    with open(os.path.join(OUT, "cores-%d.json" % cores), "w") as f:
        json.dump(entries, f, indent=1)

    benchmarks, failed = [], []
    for form, times in PY_CPU.items():
        params = {"form": form, "workload": "CPU", "tasks": 64, "parallelism": cores, "cpuUnits": 3,
                  "sleepMicros": 10000, "ioRoundTrips": 20, "ioBytes": 256, "switchIntervalMicros": 5000}
        if times[i] is None:
            failed.append({"benchmark": "cpython.batch", "params": {k: str(v) for k, v in params.items()},
                           "reason": "exit 1: OSError: boom"})
        else:
            benchmarks.append(output.entry("cpython.batch", "avgt", "ms/op", params, raw(times[i]), PROFILE))
    if cores == 2:
        for interval, values in PY_CONVOY.items():
            for threads, value in enumerate(values):
                benchmarks.append(output.entry("cpython.convoy", "thrpt", "ops/s", {
                    "cpuThreads": threads, "switchIntervalMicros": interval, "ioBytes": 256,
                    "replyDelayMicros": 50}, raw(value), PROFILE))
    doc = output.document(cores, "0" if cores == 1 else "0,1", "fork", 3, 1700.0, 5.0, PROFILE, benchmarks, failed)
    doc["python"] = {"executable": "/usr/bin/python3", "version": "3.11.7", "implementation": "CPython",
                     "build": "gil", "gilEnabled": True, "defaultSwitchIntervalMicros": 5000}
    doc["affinity"] = [0] if cores == 1 else [0, 1]
    output.write(os.path.join(OUT, "cpython-cores-%d.json" % cores), doc)
print("wrote", os.path.normpath(OUT))
