package org.concurrencybench.sweep;

import java.io.PrintStream;
import java.time.Duration;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.sweep.machine.MachineState;
import org.concurrencybench.sweep.plan.Durations;

/**
 * A sweep's first console lines: the plan and its estimate, capacity, pinning, CPython, the CPU
 * limits, each core count's label and CPUs, the budget's choices, and warnings about the machine's state now.
 */
final class SweepAnnouncement {

    private final PrintStream console;
    private final SweepSettings settings;

    SweepAnnouncement(PrintStream console, SweepSettings settings) {
        this.console = console;
        this.settings = settings;
    }

    /** Prints the lines; the machine's state before the sweep, for {@code machine.json}. */
    MachineInfo.State print(SweepSteps plan, long estimatedMillis, String cpythonNote) {
        console.printf("Sweep %s: profile %s, cores %s, %d cells per core count, about %s in all%n",
                settings.run().runId(), settings.plan().profile().name(), settings.plan().cores(), plan.cellsPerCoreCount(),
                Durations.format(Duration.ofMillis(estimatedMillis)));
        if (plan.hasCapacity()) {
            console.printf("Capacity at %d cores: %d sizes to run, %d skipped as too long or beyond the machine's limits%n",
                    plan.maxCores(), plan.capacitySizesToRun(), plan.capacitySkipped().size());
        }
        console.printf("Pinning: %s%n", settings.host().pinning());
        console.println(cpythonNote);
        return limitsAndState();
    }

    private MachineInfo.State limitsAndState() {
        String limit = settings.host().limits().limitLine(Math.max(MachineState.machineLogicalCpus(),
                settings.host().topology().logicalCpus()));
        if (limit != null) {
            console.println(limit);
        }
        console.printf("Core counts (the fastest cores first, cores without an L3 last; one L3 group, NUMA node and socket before the next;"
                + " hyperthreads last; from %s):%n", settings.host().topology().source());
        settings.plan().cores().forEach(cores -> console.println(settings.host().topology().planLine(cores)));
        if (!settings.plan().coresGivenUp().isEmpty()) {
            console.printf("Core counts %s given up to keep the default plan within %s at the least rounds (the"
                    + " hardware's boundaries kept); --cores names any counts, --budget fits another length%n",
                    settings.plan().coresGivenUp(), Durations.format(SweepBudget.DEFAULT_LENGTH));
        }
        MachineInfo.Budget budget = settings.plan().budget();
        if (budget != null) {
            console.printf("Budget %s: planned about %s; %s%n", budget.budget(),
                    Durations.format(Duration.ofMillis(budget.estimatedMillis())), budget.gaveUp().isEmpty() ? "nothing given up"
                            : "gave up, in order: " + String.join("; ", budget.gaveUp()));
        }
        MachineInfo.State state = MachineState.now();
        MachineState.warnings(state, settings.host().limits().usableCores()).forEach(console::println);
        return state;
    }

    /**
     * The rounds' line: the least and most, the precision, one round's estimate (with CPython's
     * trials, {@code cpythonRoundMillis}, in the least rounds) and the most rounds', the seed.
     */
    void printRounds(SweepSteps plan, long cpythonRoundMillis, long maxRoundsMillis) {
        org.concurrencybench.sweep.plan.Profile p = settings.plan().profile();
        String perRound = Durations.format(Duration.ofMillis(plan.roundMillis() + cpythonRoundMillis))
                + " a round, one JMH fork of each cell" + (cpythonRoundMillis > 0
                        ? (p.maxRounds() > p.minRounds() ? " and, in the least rounds," : " and") + " one CPython trial of each"
                        : "")
                + " in a shuffled order (seed " + settings.plan().seed() + ")";
        if (p.maxRounds() == 1) {
            console.println("Rounds: one (a first look: no interval from rounds); " + perRound);
            return;
        }
        long limit = p.stoppingRule(settings.plan().budget() == null ? 0 : settings.plan().budget().budgetMillis()).extraRoundsLimitMillis();
        console.printf("Rounds: at least %d, then until every cell's mean is known to %s%% (95%% interval), at most %d"
                + " (about %s in all)%s; %s%n", p.minRounds(), new java.text.DecimalFormat("0.##").format(p.precision() * 100),
                p.maxRounds(), Durations.format(Duration.ofMillis(maxRoundsMillis)),
                limit == 0 ? "" : ", none past the least that would end after " + Durations.format(Duration.ofMillis(limit)),
                perRound);
    }
}
