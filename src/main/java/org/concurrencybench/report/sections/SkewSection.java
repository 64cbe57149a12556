package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingVerdicts;
import org.concurrencybench.report.analysis.SkewResults;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.charts.SkewChart;
import org.concurrencybench.report.render.ChartSink;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportDocument;

import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.workload.SizeSpread;

/**
 * The uneven-tasks part of a run's report, present when the run has uneven batches: per workload
 * the verdict (which model loses least and most to skew), the chart of every model's loss to skew
 * per spread at one core count ({@link SkewChart}), and the table of times behind it; then
 * {@code PROCESS_POOL} by chunk size.
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
                + " by its speedup under the spread; 1 = nothing lost.");
        for (String workload : skew.times().keySet()) {
            document.heading(3, workload + ": loss to skew per spread");
            document.bullets(skew.verdicts(workload).stream().map(SkewSection::describe).toList());
            document.figure(charts.add(SkewChart.of(skew, workload, runName)));
            document.table(workload + ": every model under every spread, " + Numbers.cores(skew.cores()),
                    List.of("model", "spread", "time per batch (ms) [CI]", "n", "speedup vs SEQUENTIAL, same spread",
                            "loss to skew (x)"), rows(skew, workload, series -> true));
        }
        List<List<String>> chunkRows = new ArrayList<>();
        for (String workload : skew.times().keySet()) {
            for (List<String> row : rows(skew, workload, series -> series.startsWith("PROCESS_POOL"))) {
                List<String> withChunks = new ArrayList<>(List.of(workload, chunkLabel(skew, workload, row.get(0))));
                withChunks.addAll(row.subList(1, row.size()));
                chunkRows.add(withChunks);
            }
        }
        document.table("PROCESS_POOL by chunk size (Pool.map's chunksize), " + Numbers.cores(skew.cores()),
                List.of("workload", "chunksize", "spread", "time per batch (ms) [CI]", "n",
                        "speedup vs SEQUENTIAL, same spread", "loss to skew (x)"), chunkRows);
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

    private static String chunkLabel(SkewResults skew, String workload, String series) {
        if (!series.contains("chunksize=")) {
            return "1: one task per message" + (series.contains(" ") ? series.substring(series.indexOf(' ')) : "");
        }
        String setting = series.replaceFirst(".*chunksize=(\\S+).*", "$1");
        Integer cpython = skew.defaultChunks().get(workload);
        return setting.equals("0") && cpython != null ? "0: CPython's default, " + cpython + " tasks per chunk"
                : setting;
    }

    private static List<List<String>> rows(SkewResults skew, String workload,
                                           java.util.function.Predicate<String> seriesFilter) {
        List<List<String>> rows = new ArrayList<>();
        skew.times().get(workload).forEach((series, bySpread) -> {
            if (!seriesFilter.test(series)) {
                return;
            }
            bySpread.forEach((spread, time) -> rows.add(List.of(series, spread.name(),
                    Numbers.withInterval(time.mean(), time.low(), time.high()), Integer.toString(time.n()),
                    Numbers.format(skew.speedup(workload, series, spread)),
                    spread == SizeSpread.NONE ? "1 (even)" : Numbers.format(skew.lossFactor(workload, series, spread)))));
        });
        return rows;
    }
}
