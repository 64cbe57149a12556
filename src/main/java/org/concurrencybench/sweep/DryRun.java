package org.concurrencybench.sweep;

import java.io.PrintStream;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.sweep.plan.RoundOrder;
import org.concurrencybench.sweep.cpython.CpythonSteps;
import org.concurrencybench.sweep.jmh.JmhLauncher;
import org.concurrencybench.sweep.plan.SweepPlan;

/**
 * {@code --dry-run}: every command of the sweep's first round, in that round's shuffled order,
 * CPython's at each core count last (the later rounds run the same commands in other orders,
 * CPython's among the JMH steps; from the round after the least only those of JMH cells short of
 * the precision); nothing run.
 */
final class DryRun {

    private final PrintStream console;
    private final SweepSettings settings;
    private final CpythonSteps cpython;

    DryRun(PrintStream console, SweepSettings settings, CpythonSteps cpython) {
        this.console = console;
        this.settings = settings;
        this.cpython = cpython;
    }

    /** Prints the JMH invocations of {@code plan}'s first round as {@code launcher} would start them, and CPython's. */
    void print(SweepSteps plan, JmhLauncher launcher) {
        java.util.Map<Integer, java.util.List<SweepPlan.Step>> steps = new java.util.LinkedHashMap<>();
        settings.plan().cores().forEach(cores -> steps.put(cores, plan.stepsAt(cores)));
        RoundFiles rounds = new RoundFiles(settings.run().runDir());
        console.println("Round 1, in its order:");
        for (RoundOrder.Visit visit : RoundOrder.of(settings.plan().seed(), 1, steps,
                cpython.active() ? settings.plan().cores() : java.util.List.of(), cpython.labels())) {
            String cpus = settings.host().topology().cpusFor(visit.cores());
            console.println(visit.isCpython()
                    ? String.join(" ", cpython.step(visit.python()).plannedCommand(visit.cores(), cpus,
                            rounds.partialCpythonFile(1, visit.python(), visit.cores())))
                            + "   (--task-ms: the JVM's SEQUENTIAL CPU task time at this count, from round 1)"
                    : String.join(" ", launcher.command(visit.cores(), cpus, visit.step(),
                            rounds.partialStepFile(1, visit.cores(), visit.step().name()))));
        }
    }
}
