package org.concurrencybench.report.sections;

import org.concurrencybench.report.input.BenchmarkClasses;

import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;

import org.concurrencybench.results.RunFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.concurrencybench.results.Outcome;

/**
 * What a run lacks, said where a reader cannot miss it: in the report's first lines, the planned
 * core counts with no results and the planned model cells with neither a number nor a state (an
 * interrupted or damaged run), and how many rounds ran; at its end, the cells short of the
 * precision asked and one table of every cell that FAILED or was SKIPPED, with why.
 */
final class Completeness {

    private Completeness() {
    }

    /** The first lines: what is missing, and how to finish the run; nothing for a complete run. */
    static void add(ReportDocument document, RunResults run) {
        if ("smoke".equals(run.machine().plan().profile())) {
            document.paragraph("**A smoke run** (`--smoke`): it checks that every cell runs, with 100 ms iterations and"
                    + " small batches; its numbers are not measurements to read or compare.");
        }
        List<String> lines = missing(run);
        if (!lines.isEmpty()) {
            document.heading(2, "Incomplete run");
            List<String> items = new ArrayList<>(lines);
            items.add("Finish it with `./run-benchmarks.sh --resume " + run.directory() + "`; until then the"
                    + " missing cells are left out of every table and chart.");
            document.bullets(items);
        }
        long failed = run.outcomes().stream().filter(o -> o.status() == Outcome.Status.FAILED).count();
        if (failed > 0) {
            document.paragraph("**" + failed + (failed == 1 ? " cell" : " cells") + " FAILED**: they have no number"
                    + " anywhere in this report; see \"Cells without a number\" at the end for why.");
        }
    }

    /**
     * A run made in rounds: how many, why they stopped, and how many cells are short of the
     * precision asked (said once, in the run's line on the first screen); empty for a run not made
     * in rounds.
     */
    static String rounds(org.concurrencybench.results.MachineInfo.Rounds rounds) {
        if (rounds == null || rounds.finished() == null || rounds.maxRounds() <= 1) {
            return "";
        }
        String precision = org.concurrencybench.report.render.Numbers.format(rounds.precision() * 100) + "%";
        String why = switch (String.valueOf(rounds.stoppedBy())) {
            case "precision" -> "every cell's mean was known to " + precision;
            case "max_rounds" -> "the most rounds";
            case "out_of_reach" -> "every cell's mean known to " + precision + " or out of that reach by round "
                    + rounds.maxRounds() + " (its rounds scatter too much; it keeps its wide interval)";
            case "budget" -> "the budget";
            case "time_limit" -> "the time limit on rounds past the least (another round would have ended after it)";
            default -> String.valueOf(rounds.stoppedBy()).replace('_', ' ');
        };
        int shortCells = rounds.shortCells().size();
        return " in " + rounds.finished() + " rounds (at least " + rounds.minRounds() + ", at most " + rounds.maxRounds()
                + ", stopped by " + why + (shortCells == 0 ? "" : "; " + shortCells + (shortCells == 1 ? " cell" : " cells")
                + " short of " + precision) + ")";
    }

    /**
     * Near the report's end: every cell whose mean is not known to the precision asked, by name,
     * one line per core count and benchmark with the cells' parameters after it (a hundred cells
     * read as a dozen lines, not a hundred).
     */
    static void addShortCells(ReportDocument document, org.concurrencybench.results.MachineInfo.Rounds rounds) {
        if (rounds == null || rounds.finished() == null || rounds.maxRounds() <= 1 || rounds.shortCells().isEmpty()) {
            return;
        }
        document.heading(2, "Cells short of " + org.concurrencybench.report.render.Numbers.format(rounds.precision() * 100)
                + "%");
        document.paragraph("Their intervals are wider than the precision asked; the tables mark those too wide to rely"
                + " on as unreliable.");
        document.bullets(grouped(rounds.shortCells())); // plain text: the HTML page shows no Markdown marks
    }

    /**
     * "cores=1 ModelBenchmark.batch: model=A workload=CPU, model=B workload=CPU" from the cells'
     * names ("cores=1 ModelBenchmark.batch model=A workload=CPU"), in their order; a name of
     * another shape is its own line.
     */
    static List<String> grouped(List<String> cells) {
        java.util.Map<String, List<String>> byBenchmark = new java.util.LinkedHashMap<>();
        for (String cell : cells) {
            String[] parts = cell.split(" ", 3);
            String key = parts.length == 3 ? parts[0] + " " + parts[1] : cell;
            byBenchmark.computeIfAbsent(key, k -> new ArrayList<>()).add(parts.length == 3 ? parts[2] : "");
        }
        List<String> lines = new ArrayList<>();
        byBenchmark.forEach((key, params) -> lines.add(params.stream().allMatch(String::isEmpty) ? key
                : key + ": " + String.join("; ", params)));
        return lines;
    }

    /** One line per missing core count and per missing model cell. */
    static List<String> missing(RunResults run) {
        List<String> lines = new ArrayList<>();
        List<Integer> missingCores = run.machine().plan().coreCounts().stream()
                .filter(cores -> !run.byCores().containsKey(cores)).toList();
        if (!missingCores.isEmpty()) {
            lines.add("Planned core counts " + run.machine().plan().coreCounts() + "; no results for " + missingCores + ".");
        }
        List<String> workloads = run.machine().plan().workloads().stream().filter(w -> !w.equals("CONVOY")).toList();
        List<String> cells = new ArrayList<>();
        for (int cores : run.byCores().keySet()) {
            for (String model : run.machine().plan().models()) {
                for (String workload : workloads) {
                    boolean measured = run.of(BenchmarkClasses.MODEL, cores).stream()
                            .anyMatch(r -> model.equals(r.param("model", "")) && workload.equals(r.param("workload", "")));
                    boolean stated = run.outcomes().stream().anyMatch(o -> o.cores() == cores
                            && o.benchmarkClass().equals(BenchmarkClasses.MODEL)
                            && model.equals(o.model()) && workload.equals(o.workload()));
                    if (!measured && !stated) {
                        cells.add(model + " " + workload + " at " + Numbers.cores(cores));
                    }
                }
            }
        }
        if (!cells.isEmpty()) {
            lines.add("Planned cells with neither a result nor a state: " + String.join(", ", cells) + ".");
        }
        lines.addAll(org.concurrencybench.report.input.RunGaps.of(run));
        return lines;
    }

    /** The table of every cell that FAILED or was SKIPPED. */
    static void addNotMeasured(ReportDocument document, RunResults run) {
        if (run.outcomes().isEmpty()) {
            return;
        }
        document.heading(2, "Cells without a number");
        List<List<String>> rows = new ArrayList<>();
        for (Outcome outcome : run.outcomes()) {
            String params = outcome.params().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("");
            String benchmark = outcome.benchmark().substring(outcome.benchmark().lastIndexOf('.',
                    Math.max(0, outcome.benchmark().lastIndexOf('.') - 1)) + 1);
            rows.add(List.of(Integer.toString(outcome.cores()), benchmark, params, outcome.status().name(),
                    outcome.reason(), outcome.predictedMillis() == null ? Numbers.ABSENT
                            : Numbers.format(outcome.predictedMillis())));
        }
        document.table("Every planned cell that failed or was skipped (" + RunFolder.OUTCOMES + ")", List.of("cores", "benchmark",
                "parameters", "status", "reason", "predicted ms"), rows);
        document.paragraph(String.format(Locale.ROOT, "FAILED: JMH ran the cell and it threw (in any iteration) or"
                + " left no result. SKIPPED: not run, for the prediction or limit given."));
    }
}
