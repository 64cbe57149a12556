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
     * A verdict as one line of the report. Whether a series gained or lost is said only where its
     * loss factor's interval decides it ({@link SkewResults#decide}, against
     * {@link ScalingVerdicts#SAME_WITHIN}): a factor wholly under the floor is a gain, wholly over it
     * a loss, wholly within it nothing lost; otherwise we cannot tell, and the reason. The best series
     * "gains most from skew" when it gains, the worst "gains least" when even it gains.
     */
    static String describe(SkewResults.Verdict v) {
        String best = v.least() + outcome(v.leastLoss(), " gains most from skew", " loses least to skew",
                " loses nothing to skew", " ranks best") + " (" + effect(v, v.leastLoss()) + ")";
        String worst = v.most() + outcome(v.mostLoss(), " gains least", " loses most", " loses nothing", " ranks worst")
                + " (" + effect(v, v.mostLoss()) + ")";
        return v.workload() + " under " + v.spread() + " at " + Numbers.cores(v.cores()) + ": " + best + ", " + worst
                + ".";
    }

    private static String outcome(RatioEstimate loss, String gains, String loses, String nothing, String ranks) {
        Decision decision = SkewResults.decide(loss);
        return switch (decision.answer()) {
            case LOWER -> gains;
            case HIGHER -> loses;
            case SAME -> nothing + ", the same within " + Numbers.percent(ScalingVerdicts.SAME_WITHIN);
            case CANNOT_TELL -> ranks + ", but we cannot tell whether it gains or loses (" + decision.reason() + ")";
        };
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
