package org.concurrencybench.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.cpython.CpythonRoundPool;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.JmhResultFile;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Outcome;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RoundPool;
import org.concurrencybench.results.RunFolder;
import org.concurrencybench.results.RunFolderException;
import org.concurrencybench.sweep.cpython.CpythonSteps;
import org.concurrencybench.sweep.jmh.CellSettlement;
import org.concurrencybench.sweep.jmh.JmhLauncher;
import org.concurrencybench.sweep.plan.Durations;
import org.concurrencybench.sweep.plan.RoundOrder;
import org.concurrencybench.sweep.plan.StoppingRule;
import org.concurrencybench.sweep.plan.SweepPlan;

/**
 * The sweep's measuring loop, in rounds (randomized multiple interleaved trials): each round runs
 * every step at every core count once, one JMH fork each, in the round's shuffled order
 * ({@link RoundOrder}), keeps JMH's files as written ({@link RoundFiles}), then pools every round
 * so far into each core count's {@code cores-N.json} and settles the cells (a cell that fails in
 * any round is FAILED). CPython's companion takes part in the rounds the same way: one trial of each
 * of its benchmarks per core count and round, a visit of the round's order (in round 1 after the JMH
 * steps, since its calibration needs the JVM's SEQUENTIAL time), its files kept per round and pooled
 * into {@code cpython-cores-N.json} ({@link CpythonRoundPool}). It runs in every round up to the
 * least and in none after it: its cells have no stopping rule of their own, so it gets the trials
 * every run gets. After each round the {@link StoppingRule} decides; from the round after the
 * least, only the steps with cells short of the precision and within its reach by the most rounds run
 * again ({@link StoppingRule#chased}). A resumed run goes on at its
 * next round; a round cut short is measured again from its start, CPython's visits included. A run
 * from before CPython took part in rounds (its CPython once, after round 1) keeps that file.
 */
final class RoundLoop {

    private final SweepSettings settings;
    private final PrintStream console;
    private final RunFolder folder;
    private final RoundFiles files;
    private final JmhLauncher launcher;
    private final CpythonSteps cpython;
    private final SweepInterruption interruption;
    private final List<Integer> finishedRounds;
    private final Map<String, Outcome> failed = new LinkedHashMap<>();
    private Map<String, Double> halfWidths = new LinkedHashMap<>();
    /** How long each visit took the last time it ran, by core count and visit name: the next round's estimate. */
    private final Map<String, Long> visitMillis = new LinkedHashMap<>();
    private boolean cpythonInRounds;

    RoundLoop(SweepSettings settings, PrintStream console, JmhLauncher launcher, CpythonSteps cpython,
              SweepInterruption interruption, List<Integer> finishedRounds) {
        this.settings = settings;
        this.console = console;
        this.folder = new RunFolder(settings.run().runDir());
        this.files = new RoundFiles(settings.run().runDir());
        this.launcher = launcher;
        this.cpython = cpython;
        this.interruption = interruption;
        this.finishedRounds = finishedRounds;
    }

    /** Measures rounds until the rule stops; the rounds' record as they stopped, or null when interrupted. */
    MachineInfo.Rounds run(SweepSteps plan, MachineInfo.Rounds rounds, Instant start)
            throws IOException, InterruptedException {
        StoppingRule rule = settings.plan().profile().stoppingRule(settings.plan().budget() == null ? 0
                : settings.plan().budget().budgetMillis());
        for (Outcome outcome : folder.readOutcomes()) {
            if (outcome.status() == Outcome.Status.FAILED) {
                failed.put(key(outcome.cores(), outcome.cell()), outcome);
            }
        }
        SortedSet<Integer> done = files.finished();
        finishedRounds.addAll(done);
        // A run whose CPython ran once after round 1 (before CPython took part in rounds) keeps that file.
        cpythonInRounds = cpython.active()
                && (done.isEmpty() || files.cpythonInRounds() || folder.cpythonCoreCounts().isEmpty());
        StoppingRule.Decision decision = StoppingRule.Decision.CONTINUE;
        if (!done.isEmpty()) {
            halfWidths = pool(plan);
            decision = rule.after(done.size(), halfWidths.values(), 0, nextRoundMillis(plan, rule, done.size()));
        }
        for (int round = done.isEmpty() ? 1 : done.last() + 1; decision == StoppingRule.Decision.CONTINUE; round++) {
            console.printf("Round %d (at least %d, at most %d)%s, elapsed %s%n", round, rule.minRounds(),
                    rule.maxRounds(), round == 1 ? "" : ": " + shortLine(rule, round - 1),
                    Durations.format(Duration.between(start, Instant.now())));
            if (!measure(plan, round, round <= rule.minRounds() ? null : rule.chasedCells(round - 1, halfWidths))) {
                return null;
            }
            files.finish(round);
            finishedRounds.add(round);
            halfWidths = pool(plan);
            decision = rule.after(round, halfWidths.values(), Duration.between(start, Instant.now()).toMillis(),
                    nextRoundMillis(plan, rule, round));
        }
        List<String> shortCells = rule.shortCells(halfWidths);
        console.printf("Stopped after %d rounds: %s%s%n", finishedRounds.size(), decision.words(),
                shortCells.isEmpty() ? "" : "; " + shortCells.size() + " cells short of " + percent(rule.precision()) + "%");
        return rounds.stopped(finishedRounds.size(), decision.name().toLowerCase(java.util.Locale.ROOT), shortCells);
    }

    /**
     * What the round after {@code roundsDone} is expected to take: each step it would run at what it
     * took the last time it ran (a step not yet timed here, as after a resume, at the plan's
     * estimate), with CPython's visits in the least rounds. A round past the least runs only the
     * chased cells' steps, and no CPython, so it is often a small part of a whole round.
     */
    private long nextRoundMillis(SweepSteps plan, StoppingRule rule, int roundsDone) {
        boolean whole = roundsDone < rule.minRounds();
        return estimate(stepsOfRound(plan, whole ? null : rule.chasedCells(roundsDone, halfWidths)), visitMillis,
                whole && cpythonInRounds);
    }

    /**
     * A round of {@code steps} (by core count): each at what it took last ({@code visitMillis}, keyed
     * "cores name"), else at the plan's estimate; with {@code withCpython}, every CPython visit's last time too.
     */
    static long estimate(Map<Integer, List<SweepPlan.Step>> steps, Map<String, Long> visitMillis, boolean withCpython) {
        long millis = 0;
        for (Map.Entry<Integer, List<SweepPlan.Step>> entry : steps.entrySet()) {
            for (SweepPlan.Step step : entry.getValue()) {
                Long took = visitMillis.get(entry.getKey() + " " + step.name());
                millis += took != null ? took : org.concurrencybench.sweep.plan.RunCostModel.millis(List.of(step), entry.getKey());
            }
        }
        if (withCpython) {
            millis += visitMillis.entrySet().stream().filter(e -> e.getKey().contains(" cpython"))
                    .mapToLong(Map.Entry::getValue).sum();
        }
        return millis;
    }

    /** The steps a round runs at each core count: every step, or ({@code shortCells} given) those with short cells or their baselines. */
    private Map<Integer, List<SweepPlan.Step>> stepsOfRound(SweepSteps plan, List<String> shortCells) {
        Map<Integer, List<SweepPlan.Step>> steps = new LinkedHashMap<>();
        for (int cores : settings.plan().cores()) {
            List<SweepPlan.Step> all = plan.stepsAt(cores);
            List<SweepPlan.Step> these = shortCells == null ? all
                    : RoundCells.stillShort(cores, all, RoundCells.withBaselines(shortCells, settings.plan().cores(), plan::stepsAt));
            if (!these.isEmpty()) {
                steps.put(cores, these);
            }
        }
        return steps;
    }

    /** One round's visits; false when interrupted. {@code shortCells} null: every step, and CPython. */
    private boolean measure(SweepSteps plan, int round, List<String> shortCells) throws IOException, InterruptedException {
        Map<Integer, List<SweepPlan.Step>> steps = stepsOfRound(plan, shortCells);
        files.start(round);
        List<Integer> cpythonCores = cpythonInRounds && shortCells == null ? settings.plan().cores() : List.of();
        List<RoundOrder.Visit> visits = RoundOrder.of(settings.plan().seed(), round, steps, cpythonCores, cpython.labels());
        int index = 0;
        for (RoundOrder.Visit visit : visits) {
            index++;
            int cores = visit.cores();
            console.printf("[%d/%d] cores=%s cpus=%s  %s%n", index, visits.size(),
                    settings.host().topology().label(cores),
                    settings.host().pinned() ? settings.host().topology().cpusFor(cores) : "(not pinned)", visit.name());
            Instant visitStart = Instant.now();
            if (visit.isCpython()) {
                runCpython(round, cores, visit.python());
            } else {
                runStep(round, cores, visit.step());
            }
            visitMillis.put(cores + " " + visit.name(), Duration.between(visitStart, Instant.now()).toMillis());
            if (interruption.stopping()) {
                return false;
            }
        }
        return true;
    }

    /** One JMH step at one core count of the round, and its cells' states. */
    private void runStep(int round, int cores, SweepPlan.Step step) throws IOException, InterruptedException {
        Path part = files.partialStepFile(round, cores, step.name());
        JmhLauncher.Result result = launcher.run(cores, settings.host().topology().cpusFor(cores), step,
                part, folder.logFile(cores));
        if (!interruption.stopping()) {
            settle(cores, step, part, result);
        }
    }

    /**
     * One interpreter's CPython trials at one core count of the round ({@code python} its label, null
     * in a run of one), into the round's folder; its task calibrated to the JVM's SEQUENTIAL time
     * pooled so far, or in round 1 to this round's.
     */
    private void runCpython(int round, int cores, String python) throws IOException, InterruptedException {
        List<Path> jvmResults = new ArrayList<>(List.of(folder.coresFile(cores)));
        jvmResults.addAll(files.partialStepFiles(round, cores));
        cpython.step(python).run(cores, settings.host().topology().cpusFor(cores), settings.run().runDir(),
                files.partialCpythonFile(round, python, cores), jvmResults, 1);
    }

    /** Gives the step's cells that failed this round their state (FAILED stays FAILED in every later round). */
    private void settle(int cores, SweepPlan.Step step, Path part, JmhLauncher.Result result) {
        List<BenchmarkResult> results = readResults(part);
        String log = "; see " + settings.run().runDir().relativize(folder.logFile(cores));
        Function<Cell, String> noResult = cell -> {
            String problem = result.problem().apply(cell);
            return "no result from JMH (exit code " + result.exitCode() + (problem == null ? "" : ", " + problem) + ")"
                    + log;
        };
        CellSettlement.Settled settled = CellSettlement.settle(cores, step.cells(), results, result.failures(), noResult);
        for (Outcome outcome : settled.failed()) {
            failed.putIfAbsent(key(cores, outcome.cell()), outcome);
        }
        if (results.isEmpty() && !settled.failed().isEmpty()) {
            console.printf("    no results from the %s benchmarks at %d cores: %s%n", step.name(), cores,
                    settled.failed().get(0).reason());
        }
    }

    /** Every core count's rounds so far pooled into its results file, with its outcomes; each cell's precision. */
    private Map<String, Double> pool(SweepSteps plan) throws IOException {
        Map<String, Double> widths = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> means = new LinkedHashMap<>();
        Map<String, List<String>> baselines = new LinkedHashMap<>();
        for (int cores : settings.plan().cores()) {
            List<RoundPool.Pooled> pooled = RoundPool.read(files, cores).stream()
                    .filter(p -> !failed.containsKey(key(cores, p.result().benchmark(), p.result().params()))).toList();
            List<Outcome> outcomes = new ArrayList<>(plan.skippedAt(cores));
            failed.values().stream().filter(o -> o.cores() == cores).forEach(outcomes::add);
            Path file = folder.unfinishedFile(cores);
            Sweep.writing(file, () -> folder.writeCoreCount(cores,
                    pooled.stream().map(RoundPool.Pooled::jmhEntry).toList(), outcomes));
            widths.putAll(RoundCells.halfWidths(cores, plan.stepsAt(cores), pooled,
                    cell -> failed.containsKey(key(cores, cell))));
            means.putAll(RoundCells.roundMeansByName(cores, plan.stepsAt(cores), pooled,
                    cell -> failed.containsKey(key(cores, cell))));
            for (SweepPlan.Step step : plan.stepsAt(cores)) {
                step.cells().forEach(cell -> baselines.put(RoundCells.name(cores, cell),
                        RoundCells.baselinesOf(cores, cell, plan::stepsAt, settings.plan().cores())));
            }
            // A run resumed without its CPython still pools the rounds it has (a run of one's names).
            for (String python : cpython.labels().isEmpty() ? java.util.Collections.<String>singletonList(null)
                    : cpython.labels()) {
                Sweep.writing(folder.cpythonFile(python, cores), () -> CpythonRoundPool.write(files, folder, python, cores));
            }
        }
        return RoundCells.withSpeedups(widths, means, baselines);
    }

    private List<BenchmarkResult> readResults(Path part) {
        try {
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                return List.of();
            }
            return JmhResultFile.read(part);
        } catch (IOException | RunFolderException e) {
            console.printf("    %s is damaged (%s); its cells count as failed%n", part.getFileName(), e.getMessage());
            try {
                Files.deleteIfExists(part); // the round's pool reads whole files only
            } catch (IOException gone) {
                // pooling will say
            }
            return List.of();
        }
    }

    private static String key(int cores, org.concurrencybench.results.Cell cell) {
        return cores + " " + cell.benchmark() + " " + new java.util.TreeMap<>(cell.params());
    }

    /** The key of the cell a JMH entry measures: its identity params are among the entry's, so match on the outcome's. */
    private String key(int cores, String benchmark, Map<String, String> params) {
        for (Outcome outcome : failed.values()) {
            if (outcome.cores() == cores && outcome.cell().matches(benchmark, params)) {
                return key(cores, outcome.cell());
            }
        }
        return "";
    }

    /** "12 cells short of 2%", and how many of them can still reach it by the most rounds. */
    private String shortLine(StoppingRule rule, int roundsDone) {
        int shortOf = rule.shortOf(halfWidths.values());
        int chased = rule.chasedCells(roundsDone, halfWidths).size();
        return shortOf + " cells short of " + percent(rule.precision()) + "%"
                + (roundsDone >= 2 && chased < shortOf ? " (" + chased + " within reach by round " + rule.maxRounds() + ")" : "");
    }

    private static String percent(double fraction) {
        return new java.text.DecimalFormat("0.##").format(fraction * 100);
    }
}
