#!/usr/bin/env python3
"""What stopping on precision does to the error rate (docs/report.md, "When a run stops").

A cell's per-round means are drawn from a normal distribution of mean 1 and relative standard
deviation SIGMA; after each round from the second on, the 95% Student-t interval of their mean is
computed, and the run stops once at least MIN rounds are done and its half-width is within P of
the mean, or at MAX rounds, or, once MIN rounds are done, when at the spread seen so far even MAX
rounds would leave the half-width over P (out of reach: the sweep's StoppingRule). Printed: how
often the final interval misses the true mean (nominally 5%) and the mean number of rounds. Seeded:
the same figures every run.
"""
import math
import random
import statistics

T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306}


def one_run(sigma, precision, least, most, rng):
    means = []
    while True:
        means.append(1 + sigma * rng.gauss(0, 1))
        n = len(means)
        if n >= 2:
            mean = sum(means) / n
            half = T975[n - 1] * statistics.stdev(means) / math.sqrt(n)
            projected = half / mean * T975[most - 1] / T975[n - 1] * math.sqrt(n / most)
            out_of_reach = n >= least and projected > precision
            if (n >= least and half / mean <= precision) or n >= most or out_of_reach:
                return abs(mean - 1) > half, n


def main():
    rng = random.Random(1)
    runs = 40000
    for least in (2, 3):
        for sigma in (0.005, 0.01, 0.02, 0.03, 0.05):
            missed = rounds = 0
            for _ in range(runs):
                miss, n = one_run(sigma, 0.02, least, 6, rng)
                missed += miss
                rounds += n
            print(f"min {least} max 6 P 2%  sigma {sigma:.3f}: misses {missed / runs:.3f}, rounds {rounds / runs:.2f}")


if __name__ == "__main__":
    main()
