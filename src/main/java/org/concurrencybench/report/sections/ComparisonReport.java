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
import org.concurrencybench.report.stats.HierarchicalBootstrap;
import org.concurrencybench.report.stats.SampleStats;

import org.concurrencybench.results.CoreCountLabel;
import org.concurrencybench.results.MachineInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the document that compares runs: the machines side by side, then for each run against
 * the first, per workload the speedup curves of both, the table of differences with p-values, and
 * whether the models rank alike; then the forest plot of every cell's ratio, what size of change
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
        for (RunResults run : runs) {
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
        return "Comparison: ratio = B's mean batch time over A's (below 1: B faster), each side's mean the mean of its"
                + " JMH forks' means; interval: " + Numbers.percent(settings.level()) + " percentile bootstrap that"
                + " resamples forks, then iterations within them (" + HierarchicalBootstrap.REPLICATES
                + " replicates, fixed seed). \u00b1 and n: each side's bootstrap half-width and its number of forks."
                + " p: exact two-sided Mann-Whitney U on fork means (on iteration values where a side has fewer than "
                + RunComparison.MIN_FORKS_FOR_FORK_TEST + " forks), then " + settings.adjustment().label
                + " over every cell of the comparison. A cell is called faster or slower only when its adjusted p is"
                + " below " + settings.alpha() + ", its interval excludes 1 and the change is at least "
                + Numbers.percent(settings.minChange()) + " (the noise floor, --min-change); too few samples to tell"
                + " when the exact test cannot reach p < " + settings.alpha() + " with so few samples.";
    }

    /** The same core count on both machines: one label where they read alike, else each machine's. */
    private static String sameCores(int cores, MachineInfo a, MachineInfo b) {
        if (a.cpuLayout() == null || b.cpuLayout() == null) {
            return CoreCountLabel.of(cores, Math.min(a.physicalCores(), b.physicalCores()));
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
                        side(row.bootstrap().meanA(), row.a()), side(row.bootstrap().meanB(), row.b()),
                        Numbers.withInterval(row.ratio(), row.ratioLow(), row.ratioHigh()),
                        Numbers.signedPercent(row.timeChangePercent()),
                        Numbers.pValue(row.pValue()) + " (" + row.unitsA() + "+" + row.unitsB() + " "
                                + row.unit().label + ")",
                        Numbers.pValue(row.pAdjusted()), row.verdict().label,
                        row.mostCores() ? Numbers.signedPercent(row.perCoreChangePercent()) : Numbers.ABSENT));
            }
            document.table(group + ": B against A", List.of("model", "cores", "A time (ms)", "B time (ms)",
                    "ratio B/A [CI]", "time change", "p (units)", "p (" + comparison.settings().adjustment() + ")",
                    "verdict", "per-core throughput change"), rows);
        }
    }

    /** benchstat's style: "12.3 ms \u00b11.2% n=5". */
    private static String side(HierarchicalBootstrap.Interval mean, SampleStats stats) {
        return Numbers.format(mean.estimate()) + " \u00b1" + String.format(java.util.Locale.ROOT, "%.1f%%",
                mean.relativeHalfWidth() * 100) + " n=" + stats.forks().length;
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
