package org.concurrencybench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the document that compares runs: the machines side by side, then for each run against
 * the first, per workload the speedup curves of both, the table of differences with p-values, and
 * whether the models rank alike; then the per-model ratio charts and links to each run's own report.
 */
final class ComparisonReport {

    /** The significance level the comparison tables flag differences at, after Holm's adjustment. */
    static final double ALPHA = 0.05;

    private ComparisonReport() {
    }

    /**
     * What each run is called in titles, legends and series: its label, or its run id where two
     * runs share a label (two unlabelled runs of one host), or the id and A, B, ... where even
     * those repeat (one folder given twice). Chart series must have distinct names.
     */
    static List<String> names(List<RunResults> runs) {
        List<String> labels = runs.stream().map(run -> run.machine().displayName()).toList();
        if (labels.stream().distinct().count() == labels.size()) {
            return labels;
        }
        List<String> ids = runs.stream().map(RunResults::runId).toList();
        if (ids.stream().distinct().count() == ids.size()) {
            return ids;
        }
        List<String> lettered = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lettered.add(ids.get(i) + " (" + (char) ('A' + i) + ")");
        }
        return lettered;
    }

    static ReportDocument build(List<RunResults> runs, List<List<WorkloadScaling>> scalings,
            List<RunComparison> comparisons, double level, List<String> warnings, ChartSink charts) {
        List<String> names = names(runs);
        ReportDocument document = new ReportDocument("Comparison: " + String.join(" vs ", names));
        MachineSection.add(document, runs);
        RunReport.addMethod(document, level);
        document.bullets(List.of("Comparison: time change is B's mean batch time against A's (negative: B faster);"
                + " per-core change compares throughput per core at each machine's most cores (positive: B does more"
                + " per core). p: two-sided Mann-Whitney U on the raw values, then Holm-Bonferroni over every test of"
                + " the comparison; differences with adjusted p < " + ALPHA + " are marked significant."));
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
            addRows(document, comparison, runs.get(0).machine().physicalCores(),
                    runs.get(i + 1).machine().physicalCores());
            addRankings(document, comparison);
        }
        document.heading(2, "Each run's own report");
        for (RunResults run : runs) {
            document.link(run.machine().displayName() + " (" + run.runId() + ")", folderOf(run) + "/report.md");
        }
        return document;
    }

    private static void addRows(ReportDocument document, RunComparison comparison, int physicalA, int physicalB) {
        List<String> groups = comparison.rows().stream().map(ComparisonRow::group).distinct().toList();
        for (String group : groups) {
            List<List<String>> rows = new ArrayList<>();
            for (ComparisonRow row : comparison.rows()) {
                if (!row.group().equals(group)) {
                    continue;
                }
                rows.add(List.of(row.model(), row.mostCores() ? CoreCountLabel.of(row.coresA(), physicalA) + " vs "
                                + CoreCountLabel.of(row.coresB(), physicalB) + " (most)"
                                : CoreCountLabel.of(row.coresA(), Math.min(physicalA, physicalB)),
                        Numbers.withInterval(row.a().mean(), row.a().low(), row.a().high()),
                        Numbers.withInterval(row.b().mean(), row.b().low(), row.b().high()),
                        Numbers.signedPercent(row.timeChangePercent()), Numbers.pValue(row.pValue()),
                        Numbers.pValue(row.pAdjusted()), row.significant(ALPHA) ? "yes" : "no",
                        row.mostCores() ? Numbers.signedPercent(row.perCoreChangePercent()) : Numbers.ABSENT,
                        row.mostCores() ? Numbers.pValue(row.pPerCoreAdjusted()) : Numbers.ABSENT));
            }
            document.table(group + ": B against A", List.of("model", "cores", "A time (ms) [CI]", "B time (ms) [CI]",
                    "time change", "p", "p (Holm)", "significant", "per-core throughput change", "per-core p (Holm)"),
                    rows);
        }
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

    /** The sub-folder a run's own report goes to inside a comparison's folder. */
    static String folderOf(RunResults run) {
        return run.runId().replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
