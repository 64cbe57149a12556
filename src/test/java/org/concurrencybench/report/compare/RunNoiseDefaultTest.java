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
 * the committed same-settings runs it comes from: three runs of one commit (14f643d) from a clean
 * clone on one 2-vCPU VM, at least an hour apart (19:53, 21:00 and 22:00 on 2026-12-07, nothing else
 * running), each SEQUENTIAL, FIXED_POOL and VIRTUAL_THREADS on CPU and SLEEP at 1 and 2 cores with
 * {@code --min-rounds 5}. The default must be that measurement, rounded to 0.1%.
 */
class RunNoiseDefaultTest {

    /** The runs the default is measured from; the first one's cells are the ones pooled. */
    static final List<Path> SAME_SETTINGS_RUNS = List.of(
            Path.of("results/20261207-195358-dev-2core-aa1"),
            Path.of("results/20261207-210034-dev-2core-aa2"),
            Path.of("results/20261207-220053-dev-2core-aa3"));

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
