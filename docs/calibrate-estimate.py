#!/usr/bin/env python3
"""Calibrate RunCostModel from a run's JMH logs (standard library only).

    python3 docs/calibrate-estimate.py results/RUN/logs/*.log

For every JMH invocation in the logs (the "$ " command line the sweep writes, JMH's "Total time"),
it prints the invocation's real time, how long its iterations lasted (each iteration of nominal
length T over batches of b ms lasts ceil(T/b)*b, b from the iteration scores), and what is left
per fork: the fork start-up that RunCostModel.forkStartMillis models. Per (model, workload) it
prints the batch size and the mean batch time at each core count, and per task at one core:
RunCostModel's per-task costs (use a run of even batches: a default or a quick one).
"""
import math
import re
import sys


def parse(path):
    invocations, current, bench = [], None, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("$ "):
            args = line.split()
            opt = lambda o, d: args[args.index(o) + 1] if o in args else d
            cores = int(re.search(r"ActiveProcessorCount=(\d+)", line).group(1))
            current = dict(cmd=line.strip(), cores=cores, forks=int(opt("-f", "1")), w=int(opt("-w", "1000ms")[:-2]),
                           r=int(opt("-r", "1000ms")[:-2]), benches=[], total=None)
            invocations.append(current)
            continue
        m = re.match(r"# Parameters: \((.*)\)", line)
        if m and current is not None:
            p = dict((a.strip(), b.strip()) for a, b in (x.split("=", 1) for x in m.group(1).split(",")))
            key = tuple(p.get(k) for k in ("model", "workload", "tasks", "cpuThreads", "switchIntervalMicros", "start"))
            if not current["benches"] or current["benches"][-1]["key"] != key:
                bench = dict(key=key, warm=[], meas=[])
                current["benches"].append(bench)
        m = re.match(r"(# Warmup )?Iteration +\d+: ([0-9.,]+) (\S+)", line)
        if m and bench is not None:
            (bench["warm"] if m.group(1) else bench["meas"]).append((float(m.group(2).replace(",", "")), m.group(3)))
        m = re.search(r"Total time: (\d+):(\d+):(\d+)", line)
        if m and current is not None:
            current["total"] = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
    return invocations


def lasted(score, unit, nominal):
    batch = score if unit == "ms/op" else (1000 / score if unit == "ops/s" and score > 0 else 0)
    return max(nominal, math.ceil(nominal / batch) * batch) if batch > 0 else nominal


batches = {}
for path in sys.argv[1:]:
    for inv in parse(path):
        iterations = sum(lasted(s, u, inv["w"]) for b in inv["benches"] for s, u in b["warm"])
        iterations += sum(lasted(s, u, inv["r"]) for b in inv["benches"] for s, u in b["meas"])
        forks = len(inv["benches"]) * inv["forks"]
        left = (inv["total"] * 1000 - iterations) / forks if forks and inv["total"] else float("nan")
        name = re.search(r"bench\\?\.(\w+Benchmark)", inv["cmd"]).group(1)
        print(f"{path}: {name} cores={inv['cores']} total {inv['total']} s, iterations {iterations / 1000:.0f} s,"
              f" {forks} forks, per fork start {left:.0f} ms")
        for b in inv["benches"]:
            if b["meas"] and b["meas"][0][1] == "ms/op" and name == "ModelBenchmark":
                batches.setdefault(b["key"][:3], {})[inv["cores"]] = sum(s for s, _ in b["meas"]) / len(b["meas"])
for (model, workload, tasks), by_cores in sorted(batches.items(), key=lambda kv: tuple(str(k) for k in kv[0])):
    per_task = by_cores[1] / int(tasks) if 1 in by_cores and tasks else float("nan")
    print((model, workload), f"tasks={tasks}", {c: round(v) for c, v in sorted(by_cores.items())},
          f"per task at 1 core {per_task:.2f} ms")
