package org.concurrencybench.sweep;

import java.io.PrintStream;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.sweep.cpython.CpythonStep;
import org.concurrencybench.sweep.jmh.JmhLauncher;
import org.concurrencybench.sweep.plan.SweepPlan;

/** {@code --dry-run}: every command the sweep would run, core count by core count, and nothing run. */
final class DryRun {

    private final PrintStream console;
    private final SweepSettings settings;
    private final RunFolder folder;
    private final CpythonStep cpython;

    DryRun(PrintStream console, SweepSettings settings, RunFolder folder, CpythonStep cpython) {
        this.console = console;
        this.settings = settings;
        this.folder = folder;
        this.cpython = cpython;
    }

    /** Prints the JMH invocations of {@code plan} as {@code launcher} would start them, and CPython's. */
    void print(SweepSteps plan, JmhLauncher launcher) {
        for (int cores : settings.cores()) {
            String cpus = settings.topology().cpusFor(cores);
            for (SweepPlan.Step step : plan.stepsAt(cores)) {
                console.println(String.join(" ", launcher.command(cores, cpus, step.jmhArgs(),
                        folder.stepFile(cores, step.name()))));
            }
            if (cpython.active()) {
                console.println(String.join(" ", cpython.plannedCommand(cores, cpus, folder.cpythonFile(cores)))
                        + "   (--task-ms: the JVM's SEQUENTIAL CPU task time at this count, measured just before)");
            }
        }
    }
}
