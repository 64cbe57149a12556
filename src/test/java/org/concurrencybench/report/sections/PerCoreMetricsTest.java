package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadKind;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.junit.jupiter.api.Test;

/**
 * Efficiency and the Karp-Flatt serial fraction are printed only where they mean something: not for
 * a model whose batch is mostly process start-up (the committed example printed a "serial fraction"
 * of 13.0 for PROCESS_PER_TASK), and never a serial fraction outside [0, 1].
 */
class PerCoreMetricsTest {

    /** The table's cell of efficiency and Karp-Flatt ("0.900 [0.85, 0.95]; 0.100") at 2 cores. */
    private static String perCore(WorkloadScaling cpu, String model) {
        ScalingCell cell = cpu.cell(model, 2).orElseThrow();
        return ScalingTable.figures(cell, WorkloadKind.CPU_BOUND.perCoreMetrics(model)).perCore();
    }

    @Test
    void aModelDominatedByProcessStartUpGetsNoEfficiencyNorKarpFlatt() {
        // a process per task: 8x SEQUENTIAL's time at 1 core, its Karp-Flatt (1/0.25 - 1/2)/(1 - 1/2) = 7
        WorkloadScaling cpu = VerdictsTest.workload("CPU", List.of(1, 2), Map.of("SEQUENTIAL", new double[] {100, 100},
                "PROCESS_PER_TASK", new double[] {800, 400}));
        assertEquals(7.0, cpu.cell("PROCESS_PER_TASK", 2).orElseThrow().karpFlatt(), 1e-6);
        assertFalse(WorkloadKind.CPU_BOUND.perCoreMetrics("PROCESS_PER_TASK"));
        assertEquals(ScalingSection.LEFT_OUT, perCore(cpu, "PROCESS_PER_TASK"), "neither efficiency nor Karp-Flatt");
        assertTrue(ScalingSection.LEFT_OUT_NOTE.contains("not under PROCESS_PER_TASK, whose batch is mostly process"
                + " start-up"), ScalingSection.LEFT_OUT_NOTE);
    }

    @Test
    void aSerialFractionOutsideZeroToOneIsLeftOutAndOneWithinIsPrinted() {
        WorkloadScaling cpu = VerdictsTest.workload("CPU", List.of(1, 2), Map.of("SEQUENTIAL", new double[] {100, 100},
                "FIXED_POOL", new double[] {100, 40}, "FORK_JOIN", new double[] {100, 55}));
        // super-linear: a speedup of 2.5 on 2 cores gives (0.4 - 0.5)/0.5 = -0.2, no fraction
        assertTrue(perCore(cpu, "FIXED_POOL").endsWith("; " + ScalingSection.NOT_A_FRACTION), perCore(cpu, "FIXED_POOL"));
        double within = cpu.cell("FORK_JOIN", 2).orElseThrow().karpFlatt();
        assertEquals(0.1, within, 1e-6);
        assertTrue(perCore(cpu, "FORK_JOIN").endsWith("; " + org.concurrencybench.report.render.Numbers.format(within)),
                perCore(cpu, "FORK_JOIN"));
        assertTrue(ScalingSection.NOT_A_FRACTION_NOTE.contains("outside [0, 1]"));
    }
}
