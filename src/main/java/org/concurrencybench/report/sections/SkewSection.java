package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingVerdicts;
import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.charts.SkewChart;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;

import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.workload.SizeSpread;

/**
 * The uneven-tasks part of a run's report, present when the run has uneven batches: per workload
 * with an uneven spread the verdict (which model loses least and most to skew) and the chart of
 * every model's loss to skew at one core count ({@link SkewChart}); then one table, a row per model
 * and a column per uneven spread, each cell the time, the loss with its interval and its answer
 * (the even batches are the workload tables' rows, so they are not repeated).
 */
final class SkewSection {

    private SkewSection() {
    }

    static void add(ReportDocument document, SkewResults skew, String runName, ChartSink charts) {
        document.heading(2, "Uneven tasks");
        document.paragraph("The same total work per batch, shared unevenly among its tasks (spread NONE: every task"
                + " the same; UNIFORM 0.1x-1.9x the mean; EXPONENTIAL; PARETO, shape 1.5, one task at most a quarter"
                + " of the batch), the sizes the same for every model, at " + Numbers.cores(skew.cores()) + ". A"
                + " shared queue hands the next task to whoever is free, fork/join steals, Pool.map's chunks are cut"
                + " up front. Loss to skew: a model's speedup over SEQUENTIAL (same spread) with even tasks, divided"
                + " by its speedup under the spread; 1 = nothing lost. The even batches are the workload tables' rows.");
        List<String> evenOnly = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (String workload : skew.times().keySet()) {
            List<SizeSpread> uneven = skew.spreads(workload).stream().filter(s -> s != SizeSpread.NONE).toList();
            if (uneven.isEmpty()) {
                evenOnly.add(workload);
                continue;
            }
            uneven.forEach(spread -> columns.add(new Column(workload, spread)));
            document.bullets(skew.verdicts(workload).stream().map(SkewSection::describe).toList());
            document.figure(charts.add(SkewChart.of(skew, workload, runName)));
        }
        if (!evenOnly.isEmpty()) {
            document.paragraph(String.join(", ", evenOnly) + ": even tasks only, so no loss to skew.");
        }
        List<String> headers = new ArrayList<>(List.of("model"));
        columns.forEach(c -> headers.add(c.workload() + " " + c.spread() + ": time (ms) [CI]; loss to skew [CI], answer"));
        List<List<String>> rows = new ArrayList<>();
        for (String series : seriesOf(skew, columns)) {
            List<String> row = new ArrayList<>(List.of(label(skew, series)));
            columns.forEach(c -> row.add(cell(skew, c, series)));
            rows.add(row);
        }
        document.table("Loss to skew per model, " + Numbers.cores(skew.cores()), headers, rows);
    }

    /** One uneven spread of one workload: a column of the table. */
    private record Column(String workload, SizeSpread spread) {
    }

    /** Every series with a time under one of the columns, in {@link SkewResults}' order. */
    private static List<String> seriesOf(SkewResults skew, List<Column> columns) {
        java.util.SortedSet<String> series = new java.util.TreeSet<>(SkewResults.SERIES_ORDER);
        columns.forEach(c -> skew.times().get(c.workload()).forEach((name, bySpread) -> {
            if (bySpread.containsKey(c.spread())) {
                series.add(name);
            }
        }));
        return List.copyOf(series);
    }

    /** "185 [174, 196]; 0.932 [0.804, 1.08], we cannot tell"; SEQUENTIAL is the yardstick. */
    private static String cell(SkewResults skew, Column column, String series) {
        SampleStats time = skew.times().get(column.workload()).getOrDefault(series, java.util.Map.of())
                .get(column.spread());
        if (time == null) {
            return Numbers.ABSENT;
        }
        String times = Numbers.withInterval(time.mean(), time.low(), time.high());
        if (series.equals(SkewResults.BASELINE)) {
            return times + "; the yardstick";
        }
        RatioEstimate loss = skew.lossEstimate(column.workload(), series, column.spread());
        if (!loss.present()) {
            return times;
        }
        Decision decision = SkewResults.decide(loss);
        String answer = switch (decision.answer()) {
            case HIGHER -> "loses";
            case LOWER -> "gains";
            case SAME -> "loses nothing";
            case CANNOT_TELL -> "we cannot tell";
        };
        return times + "; " + interval(loss) + ", " + answer;
    }

    /** A series as its row names it: PROCESS_POOL's chunk size said in Pool.map's terms. */
    private static String label(SkewResults skew, String series) {
        if (!series.contains("chunksize=0")) {
            return series;
        }
        List<Integer> chunks = skew.defaultChunks().values().stream().distinct().toList();
        return series + " (Pool.map's default chunks" + (chunks.size() == 1 ? ", " + chunks.get(0) + " tasks each" : "")
                + "; without: one task per message)";
    }

    /**
     * A verdict as one line of the report. A series gains or loses only where its loss factor's
     * interval decides it ({@link SkewResults#decide}, against {@link ScalingVerdicts#SAME_WITHIN});
     * "gains most" and "loses most" name the largest decided gain and loss, with every decided one
     * not told apart from it ({@link SkewResults.Verdict#mostGained}); "loses least" and "gains
     * least" only where every series lost (gained). The rest are counted: more gains or losses,
     * the same within the floor, and those we cannot tell.
     */
    static String describe(SkewResults.Verdict v) {
        List<String> parts = new ArrayList<>();
        List<String> named = new ArrayList<>();
        extreme(v, v.mostGained(), "gains", "gain", " most from skew", " from skew", parts, named);
        if (v.toldApartFromTheRest(v.leastLost())) {
            extreme(v, v.leastLost(), "loses", "lose", " least to skew", "", parts, named);
        }
        extreme(v, v.mostLost(), "loses", "lose", " most", " to skew", parts, named);
        if (v.toldApartFromTheRest(v.leastGained())) {
            extreme(v, v.leastGained(), "gains", "gain", " least", "", parts, named);
        }
        List<String> rest = new ArrayList<>();
        count(v, Decision.Answer.LOWER, named, parts.isEmpty() ? " gain" : " more gain", rest);
        count(v, Decision.Answer.HIGHER, named, parts.isEmpty() ? " lose" : " more lose", rest);
        count(v, Decision.Answer.SAME, named, " lose nothing (the same within "
                + Numbers.percent(ScalingVerdicts.SAME_WITHIN) + ")", rest);
        List<String> undecided = v.decided(Decision.Answer.CANNOT_TELL);
        if (!undecided.isEmpty()) {
            List<String> reasons = undecided.stream().map(series -> SkewResults.decide(v.losses().get(series)).reason())
                    .distinct().toList();
            rest.add("we cannot tell for " + undecided.size() + " (" + String.join("; ", reasons) + ")");
        }
        String head = v.workload() + " under " + v.spread() + " at " + Numbers.cores(v.cores()) + ": ";
        if (parts.isEmpty()) {
            return head + "no gain or loss from skew is decided: " + String.join(", ", rest) + ".";
        }
        return head + String.join("; ", parts) + (rest.isEmpty() ? "" : "; " + String.join(", ", rest)) + ".";
    }

    /** "A gains most from skew (...)" or "A and B lose most, not told apart (...; ...)"; nothing for an empty group. */
    private static void extreme(SkewResults.Verdict v, List<String> group, String verb, String plural, String most,
                                String notMost, List<String> parts, List<String> named) {
        List<String> fresh = group.stream().filter(series -> !named.contains(series)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        String how = v.toldApartFromTheRest(group) ? most : notMost;
        named.addAll(fresh);
        List<String> effects = fresh.stream().map(series -> (fresh.size() == 1 ? "" : series + ": ")
                + effect(v, v.losses().get(series))).toList();
        String who = fresh.size() == 1 ? fresh.get(0) + " " + verb : String.join(" and ", fresh) + " " + plural;
        parts.add(who + how + (fresh.size() == 1 ? "" : ", not told apart") + " (" + String.join("; ", effects) + ")");
    }

    /** "2 more lose": the series decided {@code answer} that no part above named ("1 more loses"). */
    private static void count(SkewResults.Verdict v, Decision.Answer answer, List<String> named, String words,
                              List<String> rest) {
        long n = v.decided(answer).stream().filter(series -> !named.contains(series)).count();
        if (n > 0) {
            rest.add(n + (n == 1 ? words.replaceFirst("(gain|lose)\\b", "$1s") : words));
        }
    }

    /** What the factor did to the series' speedup (or, with no baseline, to its batch time), with its interval. */
    private static String effect(SkewResults.Verdict v, RatioEstimate loss) {
        if (!v.againstBaseline()) {
            return "its batch time times " + interval(loss);
        }
        return loss.value() < 1 ? "its speedup over SEQUENTIAL times " + interval(inverse(loss))
                : "its speedup over SEQUENTIAL divided by " + interval(loss);
    }

    private static String interval(RatioEstimate r) {
        return Numbers.withInterval(r.value(), r.low(), r.high());
    }

    private static RatioEstimate inverse(RatioEstimate r) {
        return new RatioEstimate(1 / r.value(), 1 / r.high(), 1 / r.low());
    }
}
