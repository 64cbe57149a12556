"""The command line: runs every chosen benchmark, each trial (fork) in a fresh interpreter, and
writes RUN_DIR/cpython-cores-N.json. The sweep (org.concurrencybench.sweep.CpythonStep) runs it
under the same CPU affinity as the JVM at each core count; it also runs alone:

    python3 python/run_cpython.py --cores 1 --out /tmp/cpython-cores-1.json --profile quick

A function of one's own runs through every form as the workload USER, beside the others or alone:

    python3 python/run_cpython.py --cores 1 --out /tmp/py.json --profile quick --workloads "" \
        --python-task checksum_task:handle --task-path examples/python

``--check-task MODULE:FUNCTION`` only imports it and exits (0, or 2 with one line): the sweep asks
before anything runs.

Exit status: 0 with the file written (a benchmark that failed is listed in it under "failed",
with its reason), 2 for a usage error, 1 if no file could be written.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import cpybench
from . import forms, kernel, measure, output, tasks, trial

PROFILES = {  # as org.concurrencybench.sweep.Profile: forks, warm-up its, warm-up ms, its, ms
    "smoke": (1, 1, 100, 2, 100),
    "quick": (1, 1, 100, 2, 100),
    "default": (5, 1, 600, 3, 600),
    "full": (3, 5, 2000, 10, 2000),
}
SCENARIO_CONVOY = "CONVOY"
DEFAULT_TASK_MILLIS = 5.0  # one Java CPU task of 700 units, about 5 ms (WorkloadSettings)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="run_cpython.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", help="the result file to write (cpython-cores-N.json); required to run")
    parser.add_argument("--cores", type=int, help="the core count this run stands for (recorded); required to run")
    parser.add_argument("--cpus", default="", help="the CPU list the sweep pinned it to (recorded)")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="default",
                        help="forks, warm-up and iterations as the JVM's profile of that name")
    parser.add_argument("--timing", metavar="F,WI,WMS,I,MS",
                        help="forks, warm-up iterations, warm-up ms, iterations, iteration ms: overrides --profile"
                             " (the sweep passes its profile's own, a budget's included)")
    parser.add_argument("--forms", default=",".join(forms.NAMES), help="forms to run (default: all)")
    parser.add_argument("--workloads", default="CPU,SLEEP,IO,CONVOY", help="CPU, SLEEP, IO, CONVOY (default: all)")
    parser.add_argument("--tasks", type=int, default=64, help="tasks per batch (default 64, as the JVM's)")
    parser.add_argument("--parallelism", type=int, default=0, help="pool size; 0 = the CPUs this process may use")
    parser.add_argument("--task-ms", type=float, default=DEFAULT_TASK_MILLIS,
                        help="how long one CPU task should last: the CPU units are calibrated to it (default 5)")
    parser.add_argument("--cpu-units", type=int, default=0, help="CPU units per task; 0 = calibrate to --task-ms")
    parser.add_argument("--switch-intervals", default="5000,1000,100",
                        help="the convoy's switch intervals, microseconds (default: the JVM's 5000,1000,100)")
    parser.add_argument("--cpu-threads", default="0,1,2", help="the convoy's CPU-bound threads (default 0,1,2)")
    parser.add_argument("--reply-delay-us", type=int, default=50, help="the convoy echo's reply delay (default 50)")
    parser.add_argument("--start-method", choices=("fork", "spawn", "forkserver"), default=None,
                        help="multiprocessing start method (default: the platform's)")
    parser.add_argument("--trial-timeout-s", type=float, default=300, help="a trial that runs longer fails")
    parser.add_argument("--python-task", metavar="MODULE:FUNCTION",
                        help="also run FUNCTION(seed) per task through every form, as the workload USER")
    parser.add_argument("--task-path", metavar="DIR", help="where --python-task's module is imported from")
    parser.add_argument("--check-task", metavar="MODULE:FUNCTION",
                        help="only import MODULE:FUNCTION and exit: 0, or 2 with one line saying what is missing")
    return parser.parse_args(argv)


def calibrate_unit_micros(samples=5):
    """Microseconds one kernel unit takes in this interpreter here: the least of a few runs."""
    kernel.cpu(time.perf_counter_ns(), 1)
    best = float("inf")
    for _ in range(samples):
        start = time.perf_counter()
        kernel.cpu(time.perf_counter_ns(), 1)
        best = min(best, time.perf_counter() - start)
    return best * 1e6


def planned(args, cpu_units, parallelism, start_method):
    """Every (benchmark, mode, params) to run, batches first, then the convoy."""
    chosen = [w.strip().upper() for w in args.workloads.split(",") if w.strip()]
    runs = []
    for workload in (w for w in chosen if w != SCENARIO_CONVOY):
        for form in (f.strip() for f in args.forms.split(",") if f.strip()):
            params = {"form": form, "workload": workload, "tasks": args.tasks, "parallelism": parallelism,
                      "cpuUnits": cpu_units, "sleepMicros": tasks.DEFAULT_SLEEP_MICROS,
                      "ioRoundTrips": tasks.DEFAULT_IO_ROUND_TRIPS, "ioBytes": tasks.DEFAULT_IO_BYTES,
                      "switchIntervalMicros": 5000}
            if form in forms.PROCESS_FORMS:
                params["startMethod"] = start_method
            runs.append((trial.BATCH, measure.AVERAGE_TIME, params))
    if args.python_task:
        for form in (f.strip() for f in args.forms.split(",") if f.strip()):
            params = {"form": form, "workload": tasks.USER, "task": args.python_task, "tasks": args.tasks,
                      "parallelism": parallelism, "switchIntervalMicros": 5000,
                      "calls": "awaited" if form == forms.ASYNCIO and tasks.is_async(args.python_task)
                      else "on the loop" if form == forms.ASYNCIO else "called"}
            if args.task_path:
                params["pythonPath"] = os.path.abspath(args.task_path)
            if form in forms.PROCESS_FORMS:
                params["startMethod"] = start_method
            runs.append((trial.BATCH, measure.AVERAGE_TIME, params))
    if SCENARIO_CONVOY in chosen:
        for threads in (int(t) for t in args.cpu_threads.split(",")):
            for interval in (int(s) for s in args.switch_intervals.split(",")):
                runs.append((trial.CONVOY, measure.THROUGHPUT, {
                    "cpuThreads": threads, "switchIntervalMicros": interval,
                    "ioBytes": tasks.DEFAULT_IO_BYTES, "replyDelayMicros": args.reply_delay_us}))
    return runs


def run_trial(spec, timeout):
    """One fork: a fresh interpreter; its raw data, or raises RuntimeError with why it failed."""
    try:
        done = subprocess.run([sys.executable, "-m", "cpybench.trial", json.dumps(spec)], capture_output=True,
                              text=True, timeout=timeout, env=cpybench.child_env())
    except subprocess.TimeoutExpired:
        raise RuntimeError("trial ran past %g s" % timeout)
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise RuntimeError("exit %d: %s" % (done.returncode, lines[-1] if lines else "no message"))
    printed = done.stdout.strip().splitlines()
    try:
        return json.loads(printed[-1])["rawData"]
    except (IndexError, ValueError, KeyError, TypeError):
        # The process ended without its result line: the user's function ended it (os._exit, sys.exit
        # in a child), or printed over it.
        raise RuntimeError("exit 0, but the trial printed no result (did the function end its process?): %s"
                           % (printed[-1][:200] if printed else "no output"))


def check_task(spec, path):
    """Imports the user's function as the trials will; 0, or 2 with one line on stderr."""
    if path:
        if not os.path.isdir(path):
            print("run_cpython.py: --python-path %s: no such folder" % path, file=sys.stderr)
            return 2
        sys.path.insert(0, os.path.abspath(path))
    try:
        tasks.user_function(spec)
    except tasks.TaskNotFound as e:
        print("run_cpython.py: %s" % e, file=sys.stderr)
        return 2
    except Exception as e:  # the module's own code failed at import
        print("run_cpython.py: --python-task %s: importing it raised %s: %s" % (spec, type(e).__name__, e),
              file=sys.stderr)
        return 2
    return 0


def main(argv=None):
    args = parse_args(argv)
    if args.check_task:
        return check_task(args.check_task, args.task_path)
    if args.out is None or args.cores is None:
        print("run_cpython.py: --out and --cores are required to run", file=sys.stderr)
        return 2
    if args.python_task and check_task(args.python_task, args.task_path) != 0:
        return 2
    for name in (f.strip() for f in args.forms.split(",") if f.strip()):
        if name not in forms.NAMES:
            print("run_cpython.py: unknown form %r; valid: %s" % (name, ", ".join(forms.NAMES)), file=sys.stderr)
            return 2
    if args.timing:
        try:
            forks, wi, wms, its, ms = (int(v) for v in args.timing.split(","))
        except ValueError:
            print("run_cpython.py: --timing %r: expected five whole numbers F,WI,WMS,I,MS" % args.timing,
                  file=sys.stderr)
            return 2
    else:
        forks, wi, wms, its, ms = PROFILES[args.profile]
    profile = {"forks": forks, "warmupIterations": wi, "warmupMillis": wms, "iterations": its, "iterationMillis": ms}
    parallelism = args.parallelism or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                       else os.cpu_count())
    start_method = forms.start_method(args.start_method)
    unit_micros = calibrate_unit_micros()
    cpu_units = args.cpu_units or max(1, round(args.task_ms * 1000 / unit_micros))
    benchmarks, failed = [], []
    for benchmark, mode, params in planned(args, cpu_units, parallelism, start_method):
        spec = dict(profile, benchmark=benchmark, params=params, seedBase=time.perf_counter_ns())
        label = "%s %s" % (benchmark, " ".join("%s=%s" % kv for kv in params.items()))
        missing = forms.unavailable(params.get("form"))
        if missing:  # a form this interpreter lacks: one line, no trial
            failed.append({"benchmark": benchmark, "params": {k: str(v) for k, v in params.items()}, "reason": missing})
            print("  %s: %s" % (label, missing), flush=True)
            continue
        try:
            raw = [run_trial(spec, args.trial_timeout_s) for _ in range(forks)]
            benchmarks.append(output.entry(benchmark, mode, measure.UNITS[mode], params, raw, profile))
            print("  %s: %.4g %s" % (label, benchmarks[-1]["primaryMetric"]["score"], measure.UNITS[mode]), flush=True)
        except RuntimeError as e:
            failed.append({"benchmark": benchmark, "params": {k: str(v) for k, v in params.items()}, "reason": str(e)})
            print("  %s: FAILED %s" % (label, e), flush=True)
    doc = output.document(args.cores, args.cpus, start_method, cpu_units, round(unit_micros, 1), args.task_ms,
                          profile, benchmarks, failed)
    try:
        output.write(args.out, doc)
    except OSError as e:
        print("run_cpython.py: cannot write %s: %s" % (args.out, e), file=sys.stderr)
        return 1
    return 0
