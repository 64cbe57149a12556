#!/usr/bin/env python3
"""Writes the report's JMH-shaped test fixtures under src/test/resources/report (run once; the
output is checked in). Raw data are hand-chosen multipliers of a base time, so tests can compute
means and intervals by hand: every cell's six values are base * (1, 1.02, 0.98, 1.01, 0.99, 1)."""
import json, os

ROOT = os.path.join(os.path.dirname(__file__), "..", "resources", "report")
SPREAD = [[1.00, 1.02, 0.98], [1.01, 0.99, 1.00]]
PKG = "org.concurrencybench.bench."

def metric(base, unit="ms/op", raw=True):
    m = {"score": base, "scoreError": base * 0.02, "scoreConfidence": [base * 0.98, base * 1.02],
         "scorePercentiles": {"0.0": base * 0.98, "50.0": base, "100.0": base * 1.02}, "scoreUnit": unit}
    if raw:
        m["rawData"] = [[round(base * f, 6) for f in fork] for fork in SPREAD]
    return m

def entry(bench, mode, params, primary, secondary=None):
    return {"jmhVersion": "1.37", "benchmark": PKG + bench, "mode": mode, "threads": 1, "forks": 2,
            "jvm": "/usr/lib/jvm/temurin-25/bin/java", "jvmArgs": ["-XX:ActiveProcessorCount=1"],
            "jdkVersion": "25", "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "25+36",
            "warmupIterations": 1, "warmupTime": "1 s", "warmupBatchSize": 1,
            "measurementIterations": 3, "measurementTime": "1 s", "measurementBatchSize": 1,
            "params": params, "primaryMetric": primary, "secondaryMetrics": secondary or {}}

def amdahl(p, serial):
    return 1 / (serial + (1 - serial) / p)

# base times in ms: SEQUENTIAL 100 on CPU; pools follow Amdahl; the GIL stays serial.
CPU = {"SEQUENTIAL": lambda p: 100.0, "FIXED_POOL": lambda p: 104.0 / amdahl(p, 0.05),
       "VIRTUAL_THREADS": lambda p: 106.0 / amdahl(p, 0.08), "GLOBAL_LOCK": lambda p: 110.0 + 5 * (p - 1),
       "MY_MODEL": lambda p: 90.0 / amdahl(p, 0.2)}
SLEEP = {"SEQUENTIAL": lambda p: 640.0, "FIXED_POOL": lambda p: 640.0 / p * 1.01,
         "VIRTUAL_THREADS": lambda p: 10.5, "GLOBAL_LOCK": lambda p: 640.0 / p * 1.03}

def model_entries(cores, workloads, scale=1.0, with_sequential=True):
    entries = []
    for workload, models in workloads.items():
        for model, time in models.items():
            if model == "SEQUENTIAL" and not with_sequential:
                continue
            params = {"model": model, "workload": workload, "tasks": "64", "parallelism": "0",
                      "switchIntervalMicros": "5000", "gilFlavour": "MODERN"}
            if model == "MY_MODEL" and cores == 4:
                m = metric(0.0)
                m["score"] = "NaN"; m["scoreError"] = "NaN"; m["scoreConfidence"] = ["NaN", "NaN"]
                del m["rawData"]
            else:
                m = metric(round(time(cores) * scale, 4))
            entries.append(entry("ModelBenchmark.batch", "avgt", params, m))
    return entries

def convoy_entries():
    entries = []
    for model, interval, base in [("FIXED_POOL", "5000", 20000.0), ("GLOBAL_LOCK", "5000", 20000.0),
                                  ("GLOBAL_LOCK", "1000", 20000.0)]:
        for threads in [0, 1, 2]:
            value = base if model == "FIXED_POOL" or threads == 0 else (1e6 / int(interval)) / threads
            entries.append(entry("ConvoyBenchmark.roundTrips", "thrpt",
                                 {"model": model, "cpuThreads": str(threads), "switchIntervalMicros": interval},
                                 metric(value, "ops/s")))
    return entries

def capacity_entries():
    entries = []
    for model, per_task_ms, bytes_per_task in [("THREAD_PER_TASK", 0.05, 20000.0), ("VIRTUAL_THREADS", 0.002, 1100.0)]:
        for tasks in [1000, 10000]:
            secondary = {"\u00b7gc.alloc.rate.norm": metric(bytes_per_task * tasks, "B/op")}
            entries.append(entry("CapacityBenchmark.sleepers", "ss",
                                 {"model": model, "workload": "SLEEP", "tasks": str(tasks)},
                                 metric(10 + per_task_ms * tasks), secondary))
    return entries

def machine(run_id, label, cores, pinned=True):
    return {"schema": 1, "runId": run_id, "label": label, "host": label + "-host",
            "startedAt": "2025-01-10T10:00:00Z", "finishedAt": "2025-01-10T11:00:00Z", "profile": "quick",
            "suiteCommit": "abc1234", "cpuModel": "Test CPU @ 3.0GHz", "physicalCores": cores[-1],
            "logicalCores": cores[-1] * 2, "memoryBytes": 17179869184, "os": "Linux", "osVersion": "6.8.0",
            "arch": "amd64", "jdkVendor": "Eclipse Adoptium", "jdkVersion": "25", "pinned": pinned,
            "pinning": "taskset" if pinned else "unavailable: macOS has no CPU affinity",
            "coreCounts": cores, "cpusByCoreCount": {str(c): ",".join(str(i) for i in range(c)) for c in cores},
            "models": ["SEQUENTIAL", "FIXED_POOL", "VIRTUAL_THREADS", "GLOBAL_LOCK"],
            "workloads": ["CPU", "SLEEP"], "someFutureField": {"nested": True}}

def write(folder, name, value):
    os.makedirs(os.path.join(ROOT, folder), exist_ok=True)
    with open(os.path.join(ROOT, folder, name), "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write("\n")

# A laptop-like run: 1, 2, 4 cores, both workloads, plus convoy and capacity at 4 cores.
for cores in [1, 2, 4]:
    extra = convoy_entries() + capacity_entries() if cores == 4 else []
    write("laptop", f"cores-{cores}.json", model_entries(cores, {"CPU": CPU, "SLEEP": SLEEP}) + extra)
write("laptop", "machine.json", machine("laptop-run", "laptop", [1, 2, 4]))
write("laptop", "outcomes.json", [
    {"cores": 4, "benchmark": PKG + "CapacityBenchmark.sleepers", "model": "THREAD_PER_TASK", "workload": "SLEEP",
     "tasks": 100000, "status": "FAILED", "reason": "OutOfMemoryError: unable to create native thread",
     "predictedMillis": None},
    {"cores": 4, "benchmark": PKG + "CapacityBenchmark.sleepers", "model": "VIRTUAL_THREADS", "workload": "SLEEP",
     "tasks": 1000000, "status": "SKIPPED", "reason": "predicted time over the limit", "predictedMillis": 2010.0}])

# A server-like run: 1 to 8 cores, 20% faster per core, no convoy or capacity; not pinned.
for cores in [1, 2, 4, 8]:
    write("server", f"cores-{cores}.json", model_entries(cores, {"CPU": CPU, "SLEEP": SLEEP}, scale=0.8))
write("server", "machine.json", machine("server-run", "server", [1, 2, 4, 8], pinned=False))

# No SEQUENTIAL baseline.
for cores in [1, 2]:
    write("no-sequential", f"cores-{cores}.json", model_entries(cores, {"CPU": CPU}, with_sequential=False))
write("no-sequential", "machine.json", machine("no-sequential-run", "no baseline", [1, 2]))

# Broken files: each folder has a good machine.json and one bad cores file.
good = json.dumps(model_entries(1, {"CPU": CPU}), indent=2)
for folder, text in [("damaged", good[:200] + "}}oops" + good[200:]), ("truncated", good[: len(good) // 2]),
                     ("empty", "")]:
    write(folder, "machine.json", machine(folder + "-run", folder, [1]))
    with open(os.path.join(ROOT, folder, "cores-1.json"), "w", encoding="utf-8") as f:
        f.write(text)
