package org.concurrencybench.sweep;

import java.io.PrintStream;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.sweep.plan.RoundOrder;
import org.concurrencybench.sweep.cpython.CpythonStep;
import org.concurrencybench.sweep.jmh.JmhLauncher;
import org.concurrencybench.sweep.plan.SweepPlan;

/**
 * {@code --dry-run}: every command of the sweep's first round, in that round's shuffled order (the
 * later rounds run the same commands in other orders, from the round after the least only those
 * of cells short of the precision), and CPython's after it; nothing run.
 */
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

    /** Prints the JMH invocations of {@code plan}'s first round as {@code launcher} would start them, and CPython's. */
    void print(SweepSteps plan, JmhLauncher launcher) {
        java.util.Map<Integer, java.util.List<SweepPlan.Step>> steps = new java.util.LinkedHashMap<>();
        settings.cores().forEach(cores -> steps.put(cores, plan.stepsAt(cores)));
        RoundFiles rounds = new RoundFiles(settings.runDir());
        console.println("Round 1, in its order:");
        for (RoundOrder.Visit visit : RoundOrder.of(settings.seed(), 1, steps)) {
            String cpus = settings.topology().cpusFor(visit.cores());
            console.println(String.join(" ", launcher.command(visit.cores(), cpus, visit.step().jmhArgs(),
                    rounds.partialStepFile(1, visit.cores(), visit.step().name()))));
        }
        if (cpython.active()) {
            console.println("After round 1, CPython at each core count:");
            for (int cores : settings.cores()) {
                console.println(String.join(" ", cpython.plannedCommand(cores, settings.topology().cpusFor(cores),
                        folder.cpythonFile(cores)))
                        + "   (--task-ms: the JVM's SEQUENTIAL CPU task time at this count, from round 1)");
            }
        }
    }
}
