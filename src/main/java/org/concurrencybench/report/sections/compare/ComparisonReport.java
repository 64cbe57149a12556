package org.concurrencybench.report.sections.compare;

import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.charts.ComparisonCharts;
import org.concurrencybench.report.compare.ComparisonRow;
import org.concurrencybench.report.compare.ComparisonSettings;
import org.concurrencybench.report.compare.RankingAgreement;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.compare.UnevenCells;
import org.concurrencybench.report.input.RunNames;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;
import org.concurrencybench.report.render.ReportDocument;
import org.concurrencybench.report.sections.MachineSection;
import org.concurrencybench.report.sections.Provenance;

import org.concurrencybench.results.CoreCountLabel;
import org.concurrencybench.results.MachineInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the document that compares runs: first the headline of each comparison (how many cells
 * slower, faster, the same, we cannot tell, and the largest decided change with its interval), then
 * the machines side by side and how to read a comparison; then for each run against the first, the
 * answer and the run-level term, per workload the speedup curves of both, the cells it leaves out
 * (measured by one run only, uneven batches), the forest plot of every cell's ratio, what size of
 * change it could detect, the table of ratios with their answers, and whether the models rank
 * alike; then links to each run's own report.
 */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /**
     * One warning line when the runs' model batches have different sizes (a quick look's 32 tasks
     * against a default run's 64): their batch times then differ by the size alone, which a
     * comparison of times would report as a change; speedups and rankings still compare.
     */
    static java.util.Optional<String> batchSizeWarning(List<String> names, List<RunResults> runs) {
        List<java.util.SortedSet<String>> sizes = runs.stream().map(RunResults::batchSizes).toList();
        if (sizes.stream().distinct().count() <= 1) {
            return java.util.Optional.empty();
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            named.add(names.get(i) + ": " + String.join(", ", sizes.get(i)) + " tasks");
        }
        return java.util.Optional.of("Warning: the runs' batches differ in size (" + String.join("; ", named)
                + "), so their batch times differ by that alone; compare their speedups and rankings, not their times.");
    }

    public static ReportDocument build(List<RunResults> runs, List<List<WorkloadScaling>> scalings,
            List<RunComparison> comparisons, double level, List<String> warnings, ChartSink charts) {
        return build(runs, runs, scalings, comparisons, level, warnings, charts);
    }

    /**
     * Sides of several runs: {@code runs} and {@code scalings} hold each side's first run (its machine
     * and curves stand for the side), {@code allRuns} every run, whose own reports are linked.
     */
    public static ReportDocument build(List<RunResults> runs, List<RunResults> allRuns,
            List<List<WorkloadScaling>> scalings, List<RunComparison> comparisons, double level,
            List<String> warnings, ChartSink charts) {
        List<String> names = RunNames.of(runs);
        // a side of several runs is named as its comparisons name it ("laptop +2 runs"), not by its first run alone
        List<String> sides = comparisons.isEmpty() || comparisons.size() != names.size() - 1 ? names
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(comparisons.get(0).nameA()),
                        comparisons.stream().map(RunComparison::nameB)).toList();
        ReportDocument document = new ReportDocument("Comparison: " + String.join(" vs ", sides));
        comparisons.forEach(comparison -> document.paragraph(headline(comparison)));
        Provenance.warnings(runs.stream().map(RunResults::machine).toList()).forEach(document::paragraph);
        batchSizeWarning(names, runs).ifPresent(document::paragraph);
        MachineSection.add(document, runs);
        document.heading(2, "How to read a comparison");
        document.bullets(howToRead(comparisons.isEmpty() ? ComparisonSettings.defaults(level)
                : comparisons.get(0).settings()));
        if (!warnings.isEmpty()) {
            document.heading(2, "Warnings");
            document.bullets(warnings);
        }
        for (int i = 0; i < comparisons.size(); i++) {
            RunComparison comparison = comparisons.get(i);
            String prefix = comparisons.size() == 1 ? "compare" : "compare-" + (i + 2);
            document.heading(2, comparison.nameB() + " (B) against " + comparison.nameA() + " (A)");
            document.paragraph(answerLine(comparison));
            for (ReportChart chart : ComparisonCharts.of(prefix, comparison.nameA(), scalings.get(0),
                    comparison.nameB(), scalings.get(i + 1))) {
                document.figure(charts.add(chart));
            }
            String unpaired = UnpairedCells.unpairedModels(comparison.nameA(), scalings.get(0), comparison.nameB(), scalings.get(i + 1));
            if (unpaired != null) {
                document.paragraph(unpaired);
            }
            String coresOfOne = UnpairedCells.unpairedCores(comparison.nameA(), scalings.get(0), comparison.nameB(), scalings.get(i + 1));
            if (coresOfOne != null) {
                document.paragraph(coresOfOne);
            }
            String uneven = UnpairedCells.unevenLine(comparison.nameA(), comparison.nameB(), UnevenCells.of(runs.get(0), runs.get(i + 1)));
            if (uneven != null) {
                document.paragraph(uneven);
            }
            document.paragraph(PowerLine.of(comparison));
            document.figure(charts.add(ComparisonCharts.forest(prefix, comparison)));
            addRows(document, comparison, runs.get(0).machine(), runs.get(i + 1).machine());
            addRankings(document, comparison, sameMachine(runs.get(0).machine(), runs.get(i + 1).machine()));
        }
        document.heading(2, "Each run's own report");
        for (RunResults run : allRuns) {
            document.link(run.machine().displayName() + " (" + run.runId() + ")", RunNames.folderOf(run) + "/report.md");
        }
        return document;
    }

    /**
     * How to read a comparison, in its own words: what the ratio is, what its interval counts, the
     * three answers, what the columns and the power line mean. Not the single-run text (efficiency,
     * fits, speedups), which each run's own report carries.
     */
    static List<String> howToRead(ComparisonSettings settings) {
        return List.of(
                "Ratio B/A: B's mean batch time over A's for the same workload, model and core count (below 1: B is"
                        + " faster; 1.05 is 5% slower). A side's time is the mean of its rounds' (forks') means, over"
                        + " its runs; n is the rounds behind it (runs \u00d7 rounds where a side has several runs).",
                "Interval: from the log ratio of the sides' round means, never iterations as replicates; Student-t,"
                        + " its variance the rounds' spread within each run plus the run level (measured where a side has"
                        + " several runs, else a stated term: --run-noise, default " + ComparisonSettings.DEFAULT_RUN_NOISE_PERCENT
                        + "%), adjusted for the comparison's cells (false-coverage rate " + Numbers.percent(1 - settings.level())
                        + ", Benjamini-Yekutieli). Its digits go as far as it takes to show on which side of 1 each bound lies.",
                "Answer: slower or faster when the whole interval lies beyond the noise floor of "
                        + Numbers.percent(settings.minChange()) + " (--min-change) either side of 1, the same when it"
                        + " lies within it, otherwise we cannot tell, with the reason (an interval wider than the floor's"
                        + " band, or one straddling a bound).",
                "Detectable: the smallest change the cell would call slower with 80% power, the run level included;"
                        + " a cell whose detectable change exceeds the change you care about cannot answer it: add"
                        + " rounds or runs.",
                "Where the sides' most core counts differ, a row compares each at its most cores, with the change of"
                        + " throughput per core beside it.",
                "The ranking lines say whether the models come in the same order, fastest first, on both sides"
                        + " (Kendall's tau: 1 the same order, -1 reversed).");
    }

    /** The run-level term of a comparison in words: its size, and whether measured, given or the default. */
    static String runLevelWords(RunComparison comparison) {
        RunComparison.RunLevel level = comparison.runLevel();
        String sd = String.format(java.util.Locale.ROOT, "%.2f%%", level.sd() * 100);
        return switch (level.source()) {
            case MEASURED -> sd + " per run, measured from " + comparison.runsA() + " runs of A and "
                    + comparison.runsB() + " of B (pooled over the cells, " + Math.round(level.df())
                    + " degrees of freedom)";
            case GIVEN -> sd + " per run, given with --run-noise";
            case DEFAULT -> sd + " per run, the default (same-settings runs of a quiet 2-core VM;"
                    + " give your machine's with --run-noise, or compare several runs a side)";
        };
    }

    /**
     * The first thing a reader sees of a comparison, in bold: how many cells each way, then the largest
     * decided change (slower or faster) with its interval, or that no cell changed beyond the floor.
     */
    static String headline(RunComparison comparison) {
        RunComparison.Tally tally = comparison.tally();
        String counts = "**" + comparison.nameB() + " against " + comparison.nameA() + ": of " + comparison.rows().size()
                + (comparison.rows().size() == 1 ? " cell, " : " cells, ") + tally.slower() + " slower, " + tally.faster()
                + " faster, " + tally.same() + " the same, " + tally.cannotTell() + " we cannot tell.**";
        java.util.Comparator<ComparisonRow> bySize = java.util.Comparator.comparingDouble(r -> Math.abs(Math.log(r.ratio().value())));
        java.util.Optional<ComparisonRow> largest = comparison.rows().stream().filter(r -> r.slower() || r.faster()).max(bySize);
        if (largest.isPresent()) {
            ComparisonRow row = largest.get();
            return counts + " The largest change: " + cellWords(row) + ", " + row.answer() + " by " + size(row)
                    + " (ratio B/A " + Numbers.ratioWithInterval(row.ratio().value(), row.ratioLow(), row.ratioHigh()) + ").";
        }
        java.util.Optional<ComparisonRow> undecided = comparison.rows().stream().filter(ComparisonRow::cannotTell).max(bySize);
        if (undecided.isEmpty()) {
            return counts + (comparison.rows().isEmpty() ? "" : " No cell changed beyond the noise floor of "
                    + Numbers.percent(comparison.settings().minChange()) + ".");
        }
        ComparisonRow row = undecided.get();
        return counts + " No cell is called slower or faster. The largest move, which we cannot tell: " + cellWords(row) + ", "
                + size(row) + (row.ratio().value() >= 1 ? " slower" : " faster") + " (ratio B/A "
                + Numbers.ratioWithInterval(row.ratio().value(), row.ratioLow(), row.ratioHigh()) + ").";
    }

    private static String cellWords(ComparisonRow row) {
        return row.group() + " " + row.model() + " " + coresWords(row);
    }

    private static String size(ComparisonRow row) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", Math.abs(row.timeChangePercent()));
    }

    private static String coresWords(ComparisonRow row) {
        return row.mostCores() ? "at " + row.coresA() + " vs " + Numbers.cores(row.coresB()) + " (each side's most)"
                : "at " + Numbers.cores(row.coresA());
    }

    /**
     * Whether two runs come from one machine (the same host, or the same label): their comparison is of
     * runs, and says "both runs", never "both machines".
     */
    static boolean sameMachine(MachineInfo a, MachineInfo b) {
        return (a.machine().host() != null && a.machine().host().equals(b.machine().host())) || (a.label() != null && a.label().equals(b.label()));
    }

    /** The answer of a comparison in one sentence: how many cells each way, and at what level. */
    static String answerLine(RunComparison comparison) {
        RunComparison.Tally tally = comparison.tally();
        return "Answer over " + comparison.rows().size() + " cells: " + tally.slower() + " slower, " + tally.faster()
                + " faster, " + tally.same() + " the same, " + tally.cannotTell() + " we cannot tell. Intervals at "
                + String.format(java.util.Locale.ROOT, "%.2f%%", comparison.intervalLevel() * 100)
                + " (adjusted for " + comparison.rows().size() + " cells), with a run-level term of "
                + runLevelWords(comparison) + ".";
    }

    /** The same core count on both machines: one label where they read alike, else each machine's. */
    private static String sameCores(int cores, MachineInfo a, MachineInfo b) {
        if (a.pinning().cpuLayout() == null || b.pinning().cpuLayout() == null) {
            return CoreCountLabel.of(cores, Math.min(a.machine().physicalCores(), b.machine().physicalCores()));
        }
        String labelA = a.coreLabel(cores);
        String labelB = b.coreLabel(cores);
        return labelA.equals(labelB) ? labelA : labelA + " / " + labelB;
    }

    private static void addRows(ReportDocument document, RunComparison comparison, MachineInfo machineA,
                                MachineInfo machineB) {
        List<String> groups = comparison.rows().stream().map(ComparisonRow::group).distinct().toList();
        for (String group : groups) {
            List<List<String>> rows = new ArrayList<>();
            for (ComparisonRow row : comparison.rows()) {
                if (!row.group().equals(group)) {
                    continue;
                }
                rows.add(List.of(row.model(), row.mostCores() ? machineA.coreLabel(row.coresA()) + " vs "
                                + machineB.coreLabel(row.coresB()) + " (most)"
                                : sameCores(row.coresA(), machineA, machineB),
                        side(row.meanA(), row.runsA(), row.roundsA()), side(row.meanB(), row.runsB(), row.roundsB()),
                        Numbers.ratioWithInterval(row.ratio().value(), row.ratioLow(), row.ratioHigh()),
                        Numbers.signedPercent(row.timeChangePercent()), row.answer(),
                        PowerLine.percent(row.detectableChange()),
                        row.mostCores() ? Numbers.signedPercent(row.perCoreChangePercent()) : Numbers.ABSENT));
            }
            List<String> headers = List.of("model", "cores", "A time (ms)", "B time (ms)", "ratio B/A [CI]",
                    "time change", "answer", "detectable (80% power)", "per-core throughput change");
            List<Integer> kept = filledColumns(headers.size(), rows);
            document.table(group + ": B against A", kept.stream().map(headers::get).toList(),
                    rows.stream().map(row -> kept.stream().map(row::get).toList()).toList());
        }
    }

    /** The columns that hold a value in some row: a column all "—" says nothing and is left out. */
    static List<Integer> filledColumns(int columns, List<List<String>> rows) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            int column = c;
            if (rows.stream().anyMatch(row -> !row.get(column).equals(Numbers.ABSENT))) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** A side's mean time and what it rests on: "12.3 n=5" for one run of 5 rounds, "12.3 n=3x5" for runs. */
    private static String side(double mean, int runs, int rounds) {
        return Numbers.format(mean) + " n=" + (runs == 1 ? Integer.toString(rounds)
                : rounds % runs == 0 ? runs + "\u00d7" + rounds / runs : runs + " runs, " + rounds + " rounds");
    }

    private static void addRankings(ReportDocument document, RunComparison comparison, boolean sameMachine) {
        List<String> items = new ArrayList<>();
        for (RankingAgreement ranking : comparison.rankings()) {
            String cores = ranking.coresA() == ranking.coresB()
                    ? ranking.coresA() + (ranking.coresA() == 1 ? " core" : " cores")
                    : ranking.coresA() + " vs " + ranking.coresB() + " cores";
            items.add(ranking.group() + " at " + cores + ": " + (ranking.sameOrder() ? "same order" : "order differs")
                    + " (Kendall tau " + Numbers.format(ranking.kendallTau()) + "); A: " + String.join(" < ",
                    ranking.orderA()) + (ranking.sameOrder() ? "" : "; B: " + String.join(" < ", ranking.orderB())));
        }
        if (!items.isEmpty()) {
            document.paragraph("Does the ranking of the models (fastest first) hold on both "
                    + (sameMachine ? "runs" : "machines") + "?");
            document.bullets(items);
        }
    }
}
