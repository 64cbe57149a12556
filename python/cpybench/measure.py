"""Measurement in JMH's spirit: warm-up iterations (not kept), then measured iterations, each
running the operation back to back for at least its time and at least once; every measured
iteration's value is kept. Mode ``avgt``: milliseconds per operation; ``thrpt``: operations per
second (as the Java benchmarks report them).
"""

import time

AVERAGE_TIME = "avgt"
THROUGHPUT = "thrpt"
UNITS = {AVERAGE_TIME: "ms/op", THROUGHPUT: "ops/s"}


def iteration(operation, seconds, mode):
    """Runs ``operation`` until ``seconds`` have passed (at least once); its score in ``mode``."""
    ops = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        operation()
        ops += 1
        now = time.perf_counter()
        if now >= deadline:
            break
    elapsed = now - start
    return elapsed * 1000.0 / ops if mode == AVERAGE_TIME else ops / elapsed


def measure(operation, mode, warmup_iterations, warmup_seconds, iterations, iteration_seconds):
    """The scores of the measured iterations, after the warm-up ones."""
    if mode not in UNITS:
        raise ValueError("unknown mode %r" % mode)
    for _ in range(warmup_iterations):
        iteration(operation, warmup_seconds, mode)
    return [iteration(operation, iteration_seconds, mode) for _ in range(iterations)]
