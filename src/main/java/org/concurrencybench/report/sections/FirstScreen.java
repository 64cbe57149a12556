package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ModelChoice;
import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.ScalingVerdicts;
import org.concurrencybench.report.analysis.WorkloadKind;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.results.MachineInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reader sees before scrolling: one line about the run (machine, core counts, rounds,
 * quiet or busy) and the table "Which model for which work", one row per workload measured, each
 * cell decided by {@link ModelChoice} (the verdicts' three-way rule), with its legend in one line.
 * The README's hand-written table of the same name is the shape; here the run writes it.
 */
final class FirstScreen {

    static final String HEADING = "Which model for which work";
    /** The mark of a figure that rests on a cell marked unreliable; the legend under each table says what it means. */
    static final String UNRELIABLE_MARK = "\u2020";
    static final List<String> HEADERS = List.of("work", "use", "avoid (why)", "in Python");

    private FirstScreen() {
    }

    /** "dev-2core: Intel Xeon, 2 cores (2 logical); measured at 1 and 2 cores in 6 rounds (...); a quiet machine." */
    static String runLine(MachineInfo machine, List<Integer> coreCounts) {
        String cpu = machine.machine().cpuModel() == null || machine.machine().cpuModel().isBlank() ? "" : machine.machine().cpuModel() + ", ";
        String counts = coreCounts.isEmpty() ? "no core count"
                : joinAnd(coreCounts.stream().map(String::valueOf).toList()) + (coreCounts.size() == 1
                && coreCounts.get(0) == 1 ? " core" : " cores");
        String inRounds = Completeness.rounds(machine.rounds());
        return "**" + machine.displayName() + "**: " + cpu + machine.machine().physicalCores() + " cores (" + machine.machine().logicalCores()
                + " logical); measured at " + counts + inRounds + "; " + quiet(machine) + ".";
    }

    private static String quiet(MachineInfo machine) {
        if (BusyMachineWarning.of(machine).isPresent()) {
            return "a busy machine (the warning above)";
        }
        boolean sampled = (machine.machine().stateBefore() != null && machine.machine().stateBefore().othersCpus() != null)
                || (machine.machine().stateAfter() != null && machine.machine().stateAfter().othersCpus() != null);
        return sampled ? "a quiet machine" : "whether the machine was quiet was not recorded";
    }

    /** The heading, the table and its legend; nothing when no workload has a model at its most cores. */
    static void add(ReportDocument document, List<WorkloadScaling> scaling, double level) {
        List<List<String>> rows = rows(scaling);
        if (rows.isEmpty()) {
            return;
        }
        document.heading(2, HEADING);
        document.table(null, HEADERS, rows);
        document.paragraph(legend(scaling, level));
    }

    static List<List<String>> rows(List<WorkloadScaling> scaling) {
        List<List<String>> rows = new ArrayList<>();
        for (WorkloadScaling workload : scaling) {
            ModelChoice.of(workload).ifPresent(choice -> rows.add(List.of(
                    workload.group() + " at " + Numbers.cores(choice.cores()),
                    use(workload, choice) + movedBaseline(workload, choice), avoid(workload, choice), python(choice))));
        }
        return rows;
    }

    /** "FIXED_POOL 1.75x [1.59, 1.92]", several the same within the floor, or those that cannot be told apart. */
    static String use(WorkloadScaling workload, ModelChoice choice) {
        List<String> same = choice.use().stream().map(p -> p.model() + " " + figure(workload, p.cell())).toList();
        if (choice.bestDecided()) {
            return same.size() == 1 ? same.get(0) : String.join(", ", same) + " (the same within "
                    + Numbers.percent(ScalingVerdicts.SAME_WITHIN) + ")";
        }
        List<String> all = new ArrayList<>(same);
        choice.unresolved().forEach(p -> all.add(p.model() + " " + figure(workload, p.cell())));
        return "we cannot tell which is best: " + String.join(", ", all);
    }

    /**
     * Where SEQUENTIAL itself is decided slower or faster at these cores than at 1 core, every figure
     * "at the same cores" is over a moved yardstick: the cell says so, and gives the models to use over
     * SEQUENTIAL at 1 core as well (the workload's section says why it moved). Empty otherwise.
     */
    static String movedBaseline(WorkloadScaling workload, ModelChoice choice) {
        Optional<ScalingVerdicts.BaselineShift> shift = ScalingVerdicts.baselineShifts(workload).stream()
                .filter(s -> s.cores() == choice.cores()).findFirst();
        if (shift.isEmpty()) {
            return "";
        }
        List<String> overOne = new ArrayList<>();
        choice.use().forEach(p -> overOne.add(p.model() + " " + Verdicts.times(p.cell().speedupOverOneCore())));
        choice.unresolved().forEach(p -> overOne.add(p.model() + " " + Verdicts.times(p.cell().speedupOverOneCore())));
        // the paired estimate the workload's section prints, not the ratio of the two means
        return "; over SEQUENTIAL at 1 core (SEQUENTIAL itself takes " + Numbers.format(1 / shift.get().oneCoreOverThis().value())
                + "x its 1-core time here): " + String.join(", ", overOne);
    }

    /**
     * "GLOBAL_LOCK, EVENT_LOOP (0.986\u20130.997x): one thread computes at a time; ..." or a dash: the
     * models to avoid grouped by the reason they lose, each group with the range of its figures.
     */
    static String avoid(WorkloadScaling workload, ModelChoice choice) {
        // SEQUENTIAL is the yardstick of every figure (1.00x): naming it would add a word, not advice
        List<ModelChoice.Pick> avoid = choice.avoid().stream()
                .filter(p -> !p.model().equals(ScalingAnalysis.BASELINE) || !hasSpeedup(workload, p.cell())).toList();
        if (avoid.isEmpty()) {
            return Numbers.ABSENT;
        }
        WorkloadKind kind = WorkloadKind.of(workload.group());
        java.util.Map<String, List<ModelChoice.Pick>> byReason = new java.util.LinkedHashMap<>();
        avoid.forEach(p -> byReason.computeIfAbsent(why(p.model(), kind), k -> new ArrayList<>()).add(p));
        List<String> parts = new ArrayList<>();
        byReason.forEach((why, picks) -> {
            boolean speedups = picks.stream().allMatch(p -> hasSpeedup(workload, p.cell()));
            List<Double> values = picks.stream().map(p -> speedups ? p.cell().speedupSameCores().value()
                    : p.overBest().value()).sorted().toList();
            String low = Numbers.format(values.get(0));
            String high = Numbers.format(values.get(values.size() - 1));
            String figure = (low.equals(high) ? low : low + "\u2013" + high) + "x" + (speedups ? "" : " the best's time");
            parts.add(String.join(", ", picks.stream().map(ModelChoice.Pick::model).toList()) + " (" + figure + ")"
                    + (why.isEmpty() ? "" : ": " + why));
        });
        return String.join("; ", parts);
    }

    /**
     * The Python form that does what the chosen models do: where the simulated GIL is decided to cost
     * at these cores, processes (or interpreters, or a free-threaded build), never threads; else
     * the forms of the models to use.
     */
    static String python(ModelChoice choice) {
        Optional<ScalingVerdicts.GilCost> gil = choice.gilCost();
        Decision.Answer answer = gil.map(g -> g.decision().answer()).orElse(null);
        if (answer == Decision.Answer.HIGHER) {
            return "processes (ProcessPoolExecutor), InterpreterPoolExecutor or a free-threaded build, not threads:"
                    + " the GIL costs " + Verdicts.times(gil.get().cost()) + " here";
        }
        Set<String> forms = new LinkedHashSet<>();
        choice.use().forEach(p -> forms.add(form(p.model())));
        choice.unresolved().forEach(p -> forms.add(form(p.model())));
        String gilWords = answer == null ? "" : switch (answer) {
            case SAME, LOWER -> " (the GIL costs nothing here)";
            case CANNOT_TELL -> " (what the GIL costs here we cannot tell)";
            default -> "";
        };
        return String.join(" or ", forms) + gilWords;
    }

    /** A model's nearest Python form. */
    static String form(String model) {
        return switch (model) {
            case "SEQUENTIAL" -> "a plain loop";
            case "THREAD_PER_TASK", "GLOBAL_LOCK_PER_TASK" -> "a thread per task (threading.Thread)";
            case "FIXED_POOL", "FORK_JOIN", "GLOBAL_LOCK" -> "threads (ThreadPoolExecutor)";
            case "VIRTUAL_THREADS", "EVENT_LOOP" -> "asyncio";
            case "PROCESS_POOL" -> "processes (ProcessPoolExecutor)";
            case "PROCESS_PER_TASK" -> "a process per task (multiprocessing.Process)";
            default -> model;
        };
    }

    /** Why a model loses on this kind of work, in a few words; empty where the suite knows no reason. */
    static String why(String model, WorkloadKind kind) {
        boolean waits = kind == WorkloadKind.WAITS || kind == WorkloadKind.MIXED;
        return switch (model) {
            case "SEQUENTIAL" -> "one task at a time";
            case "PROCESS_PER_TASK" -> "a JVM start per task";
            case "THREAD_PER_TASK", "GLOBAL_LOCK_PER_TASK" -> kind == WorkloadKind.WAITS ? "a thread started per task"
                    : model.equals("THREAD_PER_TASK") ? "" : "one task computes at a time (the lock)";
            case "GLOBAL_LOCK" -> kind == WorkloadKind.WAITS ? "p workers wait p at a time"
                    : "one task computes at a time (the lock)";
            case "EVENT_LOOP" -> kind == WorkloadKind.WAITS ? "" : "one thread runs every task's work";
            case "FIXED_POOL", "FORK_JOIN", "PROCESS_POOL" -> waits ? "p workers wait p at a time" : "";
            default -> "";
        };
    }

    /** "1.75x [1.59, 1.92]" (SEQUENTIAL's time over the model's, same cores), else the time; marked where unreliable. */
    static String figure(WorkloadScaling workload, ScalingCell cell) {
        boolean reliable = cell.reliable() && workload.cell(ScalingAnalysis.BASELINE, cell.cores())
                .map(ScalingCell::reliable).orElse(true);
        String figure = hasSpeedup(workload, cell) ? Verdicts.times(cell.speedupSameCores())
                : Numbers.withInterval(cell.time().mean(), cell.time().low(), cell.time().high()) + " ms";
        return figure + (reliable ? "" : UNRELIABLE_MARK);
    }

    private static boolean hasSpeedup(WorkloadScaling workload, ScalingCell cell) {
        RatioEstimate speedup = cell.speedupSameCores();
        return workload.hasBaseline() && speedup.present();
    }

    /** The table's legend, one line: what the figures are, the marks, the rule behind each column. */
    static String legend(List<WorkloadScaling> scaling, double level) {
        boolean marked = scaling.stream().anyMatch(w -> ModelChoice.of(w).map(c -> {
            List<ModelChoice.Pick> shown = new ArrayList<>(c.use());
            shown.addAll(c.unresolved());
            return shown.stream().anyMatch(p -> figure(w, p.cell()).endsWith(UNRELIABLE_MARK));
        }).orElse(false));
        return "Figures: SEQUENTIAL's time over the model's at the same cores (a speedup; for waits, the overlap"
                + " factor) with its " + Numbers.percent(level) + " interval"
                + (marked ? ", " + UNRELIABLE_MARK + " on a cell marked unreliable (its section's table says why)" : "")
                + ". Use: the fastest, and any model the same as it within " + Numbers.percent(ScalingVerdicts.SAME_WITHIN)
                + "; where the intervals cannot separate them, every one that cannot be told apart. Avoid: decided"
                + " slower than the best by at least " + Numbers.format(ModelChoice.AVOID_FACTOR) + "x; a model in"
                + " neither column is slower by less (see its section); SEQUENTIAL, the yardstick, is not listed. The rules:"
                + " docs/report.md in the suite.";
    }

    private static String joinAnd(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
                + items.get(items.size() - 1);
    }
}
