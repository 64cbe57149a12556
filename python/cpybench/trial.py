"""One trial of one benchmark, in a fresh interpreter: the "fork" of JMH's vocabulary.

``python3 -m cpybench.trial SPEC_JSON`` builds what the benchmark needs (the form, the echo
server, the convoy's threads: outside the measured path), warms up, measures, closes everything,
and prints one JSON line: ``{"rawData": [...]}``, the measured iterations' scores. Every batch's
checksums are compared with the ones the kernel gives directly, so a form that loses or garbles a
task fails its trial (exit 1, the reason on stderr) rather than measuring less work.
"""

import json
import sys

from . import die_with_parent, forms, kernel, measure, tasks
from .convoy import ConvoyScenario
from .echo_server import EchoServerProcess

BATCH = "cpython.batch"
CONVOY = "cpython.convoy"


def expected_checksum(task):
    """A task's checksum from the kernel alone (an I/O task's echo is its own request); the user's
    function's from one sequential call, so a form must give what plain sequential code gives."""
    if task.workload == tasks.USER:
        return tasks.run(task)
    if task.workload == "CPU":
        return kernel.cpu(task.seed, task.cpu_units)
    if task.workload == "SLEEP":
        return kernel.sleep_checksum(task.seed)
    checksum = kernel.io_initial(task.seed)
    for r in range(task.io_round_trips):
        checksum = kernel.fold(checksum, kernel.fill(task.io_bytes, task.seed, r))
    return checksum


def run_batch_trial(spec, seconds):
    p = spec["params"]
    sys.setswitchinterval(int(p["switchIntervalMicros"]) / 1e6)
    server = EchoServerProcess() if p["workload"] == "IO" else None
    try:
        if p["workload"] == tasks.USER:
            if p.get("pythonPath"):
                sys.path.insert(0, p["pythonPath"])
            batch = tasks.user_batch(p["task"], int(p["tasks"]), spec["seedBase"])
        else:
            batch = tasks.batch(p["workload"], int(p["tasks"]), spec["seedBase"], int(p["cpuUnits"]),
                                server.address if server else None, int(p["sleepMicros"]),
                                int(p["ioRoundTrips"]), int(p["ioBytes"]))
        expected = [expected_checksum(t) for t in batch]
        form = forms.build(p["form"], int(p["parallelism"]), p.get("startMethod"))
        try:
            def one_batch():
                results = form.run(batch)
                if results != expected:
                    wrong = [(i, r, e) for i, (r, e) in enumerate(zip(results, expected)) if r != e]
                    missing = len(wrong) + abs(len(results) - len(expected))
                    first = " (task %d: sequential gives %r, %s gives %r)" % (wrong[0][0], wrong[0][2], p["form"],
                                                                           wrong[0][1]) if wrong else ""
                    raise RuntimeError("%s returned %d wrong or missing checksums of %d tasks%s"
                                       % (p["form"], missing, len(batch), first))

            return measure.measure(one_batch, measure.AVERAGE_TIME, *seconds)
        finally:
            form.close()
    finally:
        if server:
            server.close()


def run_convoy_trial(spec, seconds):
    p = spec["params"]
    scenario = ConvoyScenario(int(p["cpuThreads"]), int(p["ioBytes"]), int(p["replyDelayMicros"]),
                              int(p["switchIntervalMicros"]), spec["seedBase"])
    try:
        return measure.measure(scenario.round_trip, measure.THROUGHPUT, *seconds)
    finally:
        scenario.close()


def main(argv):
    die_with_parent()
    spec = json.loads(argv[0])
    seconds = (spec["warmupIterations"], spec["warmupMillis"] / 1000.0, spec["iterations"],
               spec["iterationMillis"] / 1000.0)
    run = run_batch_trial if spec["benchmark"] == BATCH else run_convoy_trial
    print(json.dumps({"rawData": run(spec, seconds)}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
