package org.concurrencybench.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.results.MachineInfo;

/**
 * Whether other work ran beside a sweep, from the second of CPU use that the sweep samples before
 * it starts and after it ends ({@code machine.json}'s states). A benchmark shares its CPUs with
 * whatever else runs, so that work's time is taken from the cells measured then; the verdicts call
 * two times the same within 2% of each other ({@link ScalingVerdicts#SAME_WITHIN}), and other work of
 * a tenth of a CPU can move a pinned cell five times as much. So the machine is busy when, in
 * either sample, one other process used at least {@link #PROCESS_CPU} of a CPU or all of them
 * together at least {@link #OTHERS_PER_CPU} of every CPU.
 *
 * <p>The 1-minute load average is reported beside it but decides nothing: it lags a minute, so
 * before the sweep it still holds the build that {@code run-benchmarks.sh} has just finished,
 * and after it, the benchmark's own threads. A file from before the samples were recorded has no
 * {@code othersCpus} and makes no claim.
 *
 * @param cpus    the machine's logical CPUs the shares are of (at least 1)
 * @param moments the samples that found other work, before the sweep first
 */
public record BusyMachine(int cpus, List<Moment> moments) {

    /** One other process using this share of one CPU is busy enough to distort a pinned cell. */
    public static final double PROCESS_CPU = 0.10;
    /** Other processes together using this share of every CPU (summed, per CPU). */
    public static final double OTHERS_PER_CPU = 0.10;

    /**
     * A sample that found other work.
     *
     * @param when       "before" or "after" the sweep
     * @param othersCpus the CPUs every other process used together (1.0 = one CPU throughout)
     * @param loadPerCpu the 1-minute load average per logical CPU then, or null where unknown
     * @param busiest    the other processes over {@link #PROCESS_CPU}, busiest first
     */
    public record Moment(String when, double othersCpus, Double loadPerCpu, List<MachineInfo.ProcessUse> busiest) {
    }

    /** The busy samples of a run, or empty for a quiet machine or a file without the samples. */
    public static Optional<BusyMachine> of(MachineInfo machine) {
        int cpus = Math.max(1, machine.machine().logicalCores());
        List<Moment> moments = new ArrayList<>();
        moment("before", machine.machine().stateBefore(), cpus).ifPresent(moments::add);
        moment("after", machine.machine().stateAfter(), cpus).ifPresent(moments::add);
        return moments.isEmpty() ? Optional.empty() : Optional.of(new BusyMachine(cpus, List.copyOf(moments)));
    }

    private static Optional<Moment> moment(String when, MachineInfo.State state, int cpus) {
        if (state == null || state.othersCpus() == null) {
            return Optional.empty();
        }
        List<MachineInfo.ProcessUse> busiest = state.otherProcesses().stream().filter(p -> p.cpu() >= PROCESS_CPU)
                .toList();
        if (busiest.isEmpty() && state.othersCpus() < OTHERS_PER_CPU * cpus) {
            return Optional.empty();
        }
        return Optional.of(new Moment(when, state.othersCpus(), state.loadPerCpu(), busiest));
    }
}
