package org.concurrencybench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.input.RunReader;
import org.junit.jupiter.api.Test;

/**
 * The default run-level term ({@link ComparisonSettings#DEFAULT_RUN_NOISE_PERCENT}) recomputed from
 * the committed same-settings runs it comes from: one quiet 2-core VM, the same benchmark code,
 * SEQUENTIAL, FIXED_POOL and VIRTUAL_THREADS on CPU and SLEEP at 1 and 2 cores (the cells the first
 * run holds and every other shares). The default must be that measurement, rounded to 0.1%.
 */
class RunNoiseDefaultTest {

    /** The runs the default is measured from; the first one's cells are the ones pooled. */
    static final List<Path> SAME_SETTINGS_RUNS = List.of(
            Path.of("results/20261204-224720-dev-2core-rounds-A"),
            Path.of("results/20261204-225112-dev-2core-rounds-A2"),
            Path.of("results/20261205-001727-dev-2core"));

    @Test
    void theDefaultIsWhatTheCommittedRunsMeasure() {
        ScalingAnalysis analysis = new ScalingAnalysis(0.95);
        List<List<WorkloadScaling>> runs = SAME_SETTINGS_RUNS.stream()
                .map(run -> analysis.analyse(RunReader.read(run), w -> { })).toList();
        RunComparison.RunLevel measured = RunComparison.measure(runs);
        assertEquals(24, measured.df(), 0, "12 cells, 3 runs each: 2 degrees of freedom a cell");
        assertEquals(Math.round(measured.sd() * 1000) / 10.0, Double.parseDouble(ComparisonSettings.DEFAULT_RUN_NOISE_PERCENT),
                1e-9, "measured " + measured.sd() * 100 + "%");
    }
}
