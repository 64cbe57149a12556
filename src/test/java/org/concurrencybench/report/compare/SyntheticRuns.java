package org.concurrencybench.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;

/**
 * Runs with a known answer, shaped like the closing measurement (SEQUENTIAL, FIXED_POOL,
 * VIRTUAL_THREADS x CPU, SLEEP x 1, 2 cores: 12 cells), with chosen noise at each level, each a
 * relative standard deviation: a whole run's cell lies off by {@code run}, each round (fork) of it
 * by {@code round}, each iteration by {@code iteration}. Built straight as the
 * {@link WorkloadScaling}s a comparison reads, so thousands of comparisons take a second.
 */
final class SyntheticRuns {

    static final List<String> MODELS = List.of("SEQUENTIAL", "FIXED_POOL", "VIRTUAL_THREADS");
    static final List<String> WORKLOADS = List.of("CPU", "SLEEP");

    /** Relative standard deviations at each level of the noise. */
    record Noise(double run, double round, double iteration) {
    }

    private SyntheticRuns() {
    }

    /** One run of {@code rounds} rounds of 3 iterations, every cell's time scaled by {@code factor}. */
    static List<WorkloadScaling> run(Random random, int rounds, double factor, Noise noise) {
        return run(random, rounds, Map.of("CPU", factor, "SLEEP", factor), Map.of("CPU", noise, "SLEEP", noise));
    }

    /** Per workload its own factor and noise. */
    static List<WorkloadScaling> run(Random random, int rounds, Map<String, Double> factor, Map<String, Noise> noise) {
        List<WorkloadScaling> workloads = new ArrayList<>();
        for (String workload : WORKLOADS) {
            Noise n = noise.get(workload);
            Map<String, Map<Integer, ScalingCell>> cells = new LinkedHashMap<>();
            for (String model : MODELS) {
                Map<Integer, ScalingCell> byCores = new TreeMap<>();
                for (int cores : List.of(1, 2)) {
                    double base = (workload.equals("CPU") ? 400.0 : 130.0) / (model.equals("SEQUENTIAL") ? 1 : cores)
                            * factor.get(workload) * Math.exp(n.run() * random.nextGaussian());
                    double[][] forks = new double[rounds][3];
                    for (int f = 0; f < rounds; f++) {
                        double forkMean = base * Math.exp(n.round() * random.nextGaussian());
                        for (int i = 0; i < 3; i++) {
                            forks[f][i] = forkMean * Math.exp(n.iteration() * random.nextGaussian());
                        }
                    }
                    byCores.put(cores, new ScalingCell(workload, model, cores, SampleStats.of(forks, 0.95),
                            RatioEstimate.ABSENT, RatioEstimate.ABSENT, RatioEstimate.ABSENT, Double.NaN, null, null));
                }
                cells.put(model, byCores);
            }
            workloads.add(new WorkloadScaling(workload, MODELS, new TreeSet<>(List.of(1, 2)), cells, Map.of(), Map.of(),
                    true, true));
        }
        return workloads;
    }

    /** {@code count} runs of one side. */
    static List<List<WorkloadScaling>> runs(Random random, int count, int rounds, double factor, Noise noise) {
        List<List<WorkloadScaling>> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(run(random, rounds, factor, noise));
        }
        return runs;
    }
}
