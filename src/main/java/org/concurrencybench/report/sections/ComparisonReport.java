package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.charts.ComparisonCharts;
import org.concurrencybench.report.compare.ComparisonRow;
import org.concurrencybench.report.compare.ComparisonSettings;
import org.concurrencybench.report.compare.RankingAgreement;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.input.RunNames;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;
import org.concurrencybench.report.render.ReportDocument;

import org.concurrencybench.results.CoreCountLabel;
import org.concurrencybench.results.MachineInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the document that compares runs: the machines side by side, then for each run against
 * the first, the answer (cells slower, faster, the same, we cannot tell) and the run-level term, per
 * workload the speedup curves of both, the table of ratios with their answers, and whether the models
 * rank alike; then the forest plot of every cell's ratio, what size of change
 * the comparison could detect, and links to each run's own report.
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
        ReportDocument document = new ReportDocument("Comparison: " + String.join(" vs ", names));
        Provenance.warnings(runs.stream().map(RunResults::machine).toList()).forEach(document::paragraph);
        batchSizeWarning(names, runs).ifPresent(document::paragraph);
        MachineSection.add(document, runs);
        RunReport.addMethod(document, level);
        document.bullets(List.of(method(comparisons.isEmpty() ? ComparisonSettings.defaults(level)
                : comparisons.get(0).settings())));
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
            String unpaired = unpairedModels(comparison.nameA(), scalings.get(0), comparison.nameB(), scalings.get(i + 1));
            if (unpaired != null) {
                document.paragraph(unpaired);
            }
            document.paragraph(PowerLine.of(comparison));
            document.figure(charts.add(ComparisonCharts.forest(prefix, comparison)));
            addRows(document, comparison, runs.get(0).machine(), runs.get(i + 1).machine());
            addRankings(document, comparison);
        }
        document.heading(2, "Each run's own report");
        for (RunResults run : allRuns) {
            document.link(run.machine().displayName() + " (" + run.runId() + ")", RunNames.folderOf(run) + "/report.md");
        }
        return document;
    }

    /**
     * The models only one of the two runs measured (per workload), which the comparison cannot
     * pair and so leaves out: one line saying which, or null when both runs have the same models.
     */
    public static String unpairedModels(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b) {
        java.util.Set<String> onlyA = new java.util.TreeSet<>();
        java.util.Set<String> onlyB = new java.util.TreeSet<>();
        java.util.Map<String, WorkloadScaling> byGroupB = new java.util.HashMap<>();
        b.forEach(w -> byGroupB.put(w.group(), w));
        java.util.Set<String> groupsA = new java.util.HashSet<>();
        for (WorkloadScaling workload : a) {
            groupsA.add(workload.group());
            WorkloadScaling other = byGroupB.get(workload.group());
            List<String> otherModels = other == null ? List.of() : other.models();
            workload.models().stream().filter(m -> !otherModels.contains(m)).forEach(m -> onlyA.add(m + " " + workload.group()));
            if (other != null) {
                other.models().stream().filter(m -> !workload.models().contains(m))
                        .forEach(m -> onlyB.add(m + " " + workload.group()));
            }
        }
        b.stream().filter(w -> !groupsA.contains(w.group()))
                .forEach(w -> w.models().forEach(m -> onlyB.add(m + " " + w.group())));
        if (onlyA.isEmpty() && onlyB.isEmpty()) {
            return null;
        }
        return "Left out, measured by one run only: " + String.join("; ", java.util.stream.Stream.of(
                onlyA.isEmpty() ? null : "only " + nameA + " has " + String.join(", ", onlyA),
                onlyB.isEmpty() ? null : "only " + nameB + " has " + String.join(", ", onlyB))
                .filter(java.util.Objects::nonNull).toList()) + ".";
    }

    /** How the comparison decides, in the words of the report. */
    static String method(ComparisonSettings settings) {
        return "Comparison: ratio = B's mean batch time over A's (below 1: B faster), from the log ratio of the"
                + " sides' round (fork) means, never iterations as replicates; interval: Student-t, its variance the"
                + " rounds' spread within each run plus the run level (measured where a side has several runs, else"
                + " a stated term: --run-noise, default " + ComparisonSettings.DEFAULT_RUN_NOISE_PERCENT + "%),"
                + " adjusted for the comparison's cells (false-coverage rate " + Numbers.percent(1 - settings.level())
                + ", Benjamini-Yekutieli). Answer: slower or faster when the whole interval lies beyond the noise"
                + " floor of " + Numbers.percent(settings.minChange()) + " (--min-change), the same when it lies"
                + " within it, otherwise we cannot tell, with the reason.";
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

    /** The answer of a comparison in one sentence: how many cells each way, and at what level. */
    static String answerLine(RunComparison comparison) {
        RunComparison.Tally tally = comparison.tally();
        return "Answer over " + comparison.rows().size() + " cells: " + tally.slower() + " slower, " + tally.faster()
                + " faster, " + tally.same() + " the same, " + tally.cannotTell() + " we cannot tell. Intervals at "
                + String.format(java.util.Locale.ROOT, "%.2f%%", comparison.intervalLevel() * 100)
                + " (adjusted for " + comparison.rows().size() + " cells), with a run-level term of "
                + runLevelWords(comparison) + ".";
    }

    /**
     * A ratio and its interval with as many decimals (3 to 6) as it takes for each bound to print on
     * its own side of 1: 0.9996 is "0.9996", never "1.000".
     */
    static String ratioWithInterval(double value, double low, double high) {
        if (!Double.isFinite(value)) {
            return Numbers.ABSENT;
        }
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return decimals(value, 3) + " (no interval)";
        }
        int digits = 3;
        while (digits < 6 && (!sameSide(low, decimals(low, digits)) || !sameSide(high, decimals(high, digits)))) {
            digits++;
        }
        return decimals(value, digits) + " [" + decimals(low, digits) + ", " + decimals(high, digits) + "]";
    }

    private static boolean sameSide(double value, String printed) {
        return Double.compare(Double.parseDouble(printed), 1.0) == Double.compare(value, 1.0);
    }

    private static String decimals(double value, int digits) {
        return value >= 0.1 ? String.format(java.util.Locale.ROOT, "%." + digits + "f", value)
                : String.format(java.util.Locale.ROOT, "%." + digits + "g", value);
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
                        ratioWithInterval(row.ratio().value(), row.ratioLow(), row.ratioHigh()),
                        Numbers.signedPercent(row.timeChangePercent()), row.answer(),
                        PowerLine.percent(row.detectableChange()),
                        row.mostCores() ? Numbers.signedPercent(row.perCoreChangePercent()) : Numbers.ABSENT));
            }
            document.table(group + ": B against A", List.of("model", "cores", "A time (ms)", "B time (ms)",
                    "ratio B/A [CI]", "time change", "answer", "detectable (80% power)",
                    "per-core throughput change"), rows);
        }
    }

    /** A side's mean time and what it rests on: "12.3 n=5" for one run of 5 rounds, "12.3 n=3x5" for runs. */
    private static String side(double mean, int runs, int rounds) {
        return Numbers.format(mean) + " n=" + (runs == 1 ? Integer.toString(rounds)
                : rounds % runs == 0 ? runs + "\u00d7" + rounds / runs : runs + " runs, " + rounds + " rounds");
    }

    private static void addRankings(ReportDocument document, RunComparison comparison) {
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
            document.paragraph("Does the ranking of the models (fastest first) hold on both machines?");
            document.bullets(items);
        }
    }
}
