package org.concurrencybench.report.sections;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.concurrencybench.report.analysis.BusyMachine;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.results.MachineInfo;

/**
 * The line that says a run was measured beside other work: it goes first, under the title (and
 * on the sweep's console), because it qualifies every figure after it, a first look's as much as
 * a full run's.
 */
public final class BusyMachineWarning {

    private BusyMachineWarning() {
    }

    /** The warning for a run whose machine was busy, or empty. */
    public static Optional<String> of(MachineInfo machine) {
        return BusyMachine.of(machine).map(BusyMachineWarning::line);
    }

    static String line(BusyMachine busy) {
        List<String> samples = busy.moments().stream().map(m -> sample(m, busy.cpus())).toList();
        return "Warning: the machine was busy with other work, which takes CPU time from the benchmarks and"
                + " distorts every figure below: " + String.join("; ", samples) + ". Rerun on a quiet machine (no other"
                + " process over " + Numbers.percent(BusyMachine.PROCESS_CPU) + " of a CPU, all of them together under "
                + Numbers.percent(BusyMachine.OTHERS_PER_CPU) + " of the CPUs).";
    }

    private static String sample(BusyMachine.Moment moment, int cpus) {
        String used = String.format(Locale.ROOT, "%s the sweep, other processes used %.2f of %d CPU%s", moment.when(),
                moment.othersCpus(), cpus, cpus == 1 ? "" : "s");
        String load = moment.loadPerCpu() == null ? ""
                : String.format(Locale.ROOT, " (load average %.2f per CPU)", moment.loadPerCpu());
        String busiest = moment.busiest().isEmpty() ? "" : ", busiest " + String.join(", ", moment.busiest().stream()
                .map(p -> String.format(Locale.ROOT, "%s (%d) %.0f%% of a CPU", p.name(), p.pid(), 100 * p.cpu()))
                .toList());
        return used + load + busiest;
    }
}
