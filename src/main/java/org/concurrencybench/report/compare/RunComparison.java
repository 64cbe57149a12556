package org.concurrencybench.report.compare;

import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.stats.Decision;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.report.stats.RunLevelRatio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/**
 * Compares side B against reference side A (laptop against server, one commit against another),
 * where a side is one run or several of the same settings: every workload and model the sides
 * share, at each core count both ran and each at its most cores, and whether the models rank alike.
 *
 * <p>Per cell: the log ratio of B's round means to A's with a Student-t interval
 * ({@link RunLevelRatio}); rounds (JMH forks) are the replicates inside a run, never iterations.
 * Every comparison counts the run level: with several runs a side, runs are the replicates and the
 * run-level variance is measured, pooled over the cells; otherwise a stated term is added
 * ({@code --run-noise}, else {@link ComparisonSettings#DEFAULT_RUN_NOISE}), and the comparison
 * says which ({@link #runLevel()}).
 *
 * <p><b>Many cells.</b> The intervals are false-coverage-rate adjusted (Benjamini and Yekutieli,
 * JASA 2005) over the {@code m} cells: with {@code R} cells answered (changed or the same), every
 * interval is at level {@code 1 - R alpha / m}, {@code alpha = 1 - level}, where {@code R} is the
 * largest count for which at least {@code R} cells are answered at that level (step-up, as
 * Benjamini-Hochberg; at the largest such {@code R} exactly {@code R} are). With none answered, the
 * level is Bonferroni's {@code 1 - alpha / m}. So among the answers given, the expected share whose
 * interval misses the truth is at most {@code alpha}, and a comparison where every cell moved loses
 * little width. Each answer is {@link Decision}'s reading of that interval against the noise floor.
 */
public final class RunComparison {

    /** The power the detectable change is quoted at: the chance of calling a change of that size. */
    public static final double POWER = 0.8;

    /** Where the run-level term of a comparison came from. */
    public enum RunLevelSource {
        MEASURED("measured from the runs"), GIVEN("given with --run-noise"), DEFAULT("the default");

        public final String label;

        RunLevelSource(String label) {
            this.label = label;
        }
    }

    /** The run-level term used: its source, its standard deviation (a fraction) and degrees of freedom (infinite when stated). */
    public record RunLevel(RunLevelSource source, double sd, double df) {
    }

    private final String nameA;
    private final String nameB;
    private final ComparisonSettings settings;
    private final List<ComparisonRow> rows;
    private final List<RankingAgreement> rankings;
    private final RunLevel runLevel;
    private final double intervalLevel;
    private final int runsA;
    private final int runsB;

    private RunComparison(String nameA, String nameB, ComparisonSettings settings, List<ComparisonRow> rows,
            List<RankingAgreement> rankings, RunLevel runLevel, double intervalLevel, int runsA, int runsB) {
        this.nameA = nameA;
        this.nameB = nameB;
        this.settings = settings;
        this.rows = rows;
        this.rankings = rankings;
        this.runLevel = runLevel;
        this.intervalLevel = intervalLevel;
        this.runsA = runsA;
        this.runsB = runsB;
    }

    /** One run a side, with the default settings at confidence level 0.95. */
    public static RunComparison of(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b) {
        return of(nameA, a, nameB, b, ComparisonSettings.defaults(0.95));
    }

    /** One run a side. */
    public static RunComparison of(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b,
            ComparisonSettings settings) {
        return ofRuns(nameA, List.of(a), nameB, List.of(b), settings);
    }

    /**
     * Several runs a side (each run's workloads); the cells are those of each side's first run,
     * and each cell counts every run of its side that holds it.
     */
    public static RunComparison ofRuns(String nameA, List<List<WorkloadScaling>> a, String nameB,
            List<List<WorkloadScaling>> b, ComparisonSettings settings) {
        List<CellRuns> cells = new ArrayList<>();
        List<RankingAgreement> rankings = new ArrayList<>();
        for (WorkloadScaling workloadA : a.get(0)) {
            Optional<WorkloadScaling> match = b.get(0).stream().filter(w -> w.group().equals(workloadA.group()))
                    .findFirst();
            if (match.isEmpty()) {
                continue;
            }
            WorkloadScaling workloadB = match.get();
            for (int cores : workloadA.cores()) {
                if (workloadB.cores().contains(cores)) {
                    compareAt(workloadA, a, b, cores, cores, cells, rankings);
                }
            }
            if (workloadA.mostCores() != workloadB.mostCores()) {
                compareAt(workloadA, a, b, workloadA.mostCores(), workloadB.mostCores(), cells, rankings);
            }
        }
        RunLevel runLevel = runLevel(cells, settings);
        RunLevelRatio.RunVariance variance = new RunLevelRatio.RunVariance(runLevel.sd() * runLevel.sd(), runLevel.df());
        List<RunLevelRatio.Estimate> estimates = cells.stream().map(c -> RunLevelRatio.of(c.a, c.b, variance)).toList();
        double level = familyLevel(estimates, settings);
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            CellRuns cell = cells.get(i);
            RunLevelRatio.Estimate estimate = estimates.get(i);
            RatioEstimate ratio = estimate.interval(level);
            rows.add(new ComparisonRow(cell.group, cell.model, cell.coresA, cell.coresB, cell.mean(cell.a),
                    cell.mean(cell.b), cell.a.size(), cell.b.size(), rounds(cell.a), rounds(cell.b), estimate, ratio,
                    Decision.of(ratio, settings.minChange()), detectableChange(estimate, level, settings.minChange())));
        }
        return new RunComparison(nameA, nameB, settings, List.copyOf(rows), rankings, runLevel, level, a.size(),
                b.size());
    }

    /**
     * The run-level term measured from runs of the same settings (how the default is made): pooled
     * over the cells of the first run that every run holds, at every core count.
     */
    public static RunLevel measure(List<List<WorkloadScaling>> runs) {
        List<List<double[]>> sides = new ArrayList<>();
        for (WorkloadScaling workload : runs.get(0)) {
            for (String model : workload.models()) {
                for (int cores : workload.cores()) {
                    List<double[]> side = roundMeans(runs, workload.group(), model, cores);
                    if (side.size() == runs.size()) {
                        sides.add(side);
                    }
                }
            }
        }
        RunLevelRatio.RunVariance measured = RunLevelRatio.pooledRunVariance(sides);
        return new RunLevel(RunLevelSource.MEASURED, measured.sd(), measured.df());
    }

    /** One cell's round means by run on each side, before any statistics. */
    private record CellRuns(String group, String model, int coresA, int coresB, List<double[]> a, List<double[]> b) {

        /** The mean of the rounds' means over the side's runs, in ms. */
        double mean(List<double[]> runs) {
            return runs.stream().flatMapToDouble(Arrays::stream).average().orElse(Double.NaN);
        }
    }

    private static void compareAt(WorkloadScaling workloadA, List<List<WorkloadScaling>> a,
            List<List<WorkloadScaling>> b, int coresA, int coresB, List<CellRuns> cells,
            List<RankingAgreement> rankings) {
        String group = workloadA.group();
        List<String> common = new ArrayList<>();
        for (String model : workloadA.models()) {
            List<double[]> runsA = roundMeans(a, group, model, coresA);
            List<double[]> runsB = roundMeans(b, group, model, coresB);
            if (runsA.isEmpty() || runsB.isEmpty()) {
                continue;
            }
            common.add(model);
            cells.add(new CellRuns(group, model, coresA, coresB, runsA, runsB));
        }
        if (common.size() >= 2) {
            double[] meansA = common.stream().mapToDouble(m -> sideMean(a, group, m, coresA)).toArray();
            double[] meansB = common.stream().mapToDouble(m -> sideMean(b, group, m, coresB)).toArray();
            rankings.add(new RankingAgreement(group, coresA, coresB, fastestFirst(common, meansA),
                    fastestFirst(common, meansB), new KendallsCorrelation().correlation(meansA, meansB)));
        }
    }

    /** For each run of a side that holds the cell, its rounds' (forks') mean times. */
    private static List<double[]> roundMeans(List<List<WorkloadScaling>> side, String group, String model, int cores) {
        List<double[]> runs = new ArrayList<>();
        for (List<WorkloadScaling> run : side) {
            cell(run, group, model, cores).ifPresent(cell -> {
                double[] means = cell.time().forks().stream().filter(f -> !f.isEmpty())
                        .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                        .filter(v -> v > 0).toArray();
                if (means.length > 0) {
                    runs.add(means);
                }
            });
        }
        return runs;
    }

    private static Optional<ScalingCell> cell(List<WorkloadScaling> run, String group, String model, int cores) {
        return run.stream().filter(w -> w.group().equals(group)).findFirst().flatMap(w -> w.cell(model, cores));
    }

    private static double sideMean(List<List<WorkloadScaling>> side, String group, String model, int cores) {
        return side.stream().map(run -> cell(run, group, model, cores)).flatMap(Optional::stream)
                .mapToDouble(c -> c.time().mean()).average().orElse(Double.NaN);
    }

    private static List<String> fastestFirst(List<String> models, double[] means) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> means[i]));
        return order.stream().map(models::get).toList();
    }

    /** Stated by the user, measured where a side has several runs, else the default. */
    private static RunLevel runLevel(List<CellRuns> cells, ComparisonSettings settings) {
        if (settings.runNoiseGiven()) {
            return new RunLevel(RunLevelSource.GIVEN, settings.runNoise(), Double.POSITIVE_INFINITY);
        }
        List<List<double[]>> sides = new ArrayList<>();
        cells.forEach(c -> {
            sides.add(c.a);
            sides.add(c.b);
        });
        RunLevelRatio.RunVariance measured = RunLevelRatio.pooledRunVariance(sides);
        if (measured.df() > 0) {
            return new RunLevel(RunLevelSource.MEASURED, measured.sd(), measured.df());
        }
        return new RunLevel(RunLevelSource.DEFAULT, ComparisonSettings.DEFAULT_RUN_NOISE, Double.POSITIVE_INFINITY);
    }

    /**
     * The level of every interval (see the class comment): {@code 1 - R alpha / m} for the largest
     * {@code R} with at least {@code R} cells answered at that level, else {@code 1 - alpha / m}.
     */
    static double familyLevel(List<RunLevelRatio.Estimate> estimates, ComparisonSettings settings) {
        int m = estimates.size();
        double alpha = 1 - settings.level();
        if (m == 0) {
            return settings.level();
        }
        for (int r = m; r >= 1; r--) {
            double level = 1 - r * alpha / m;
            long answered = estimates.stream()
                    .filter(e -> !Decision.of(e.interval(level), settings.minChange()).answer()
                            .equals(Decision.Answer.CANNOT_TELL))
                    .count();
            if (answered >= r) {
                return level;
            }
        }
        return 1 - alpha / m;
    }

    /**
     * The smallest slowdown (a fraction) this cell would call with probability {@link #POWER}: the
     * interval's lower bound must clear the floor, so the true log ratio must lie
     * {@code t(level) + t(power)} standard errors beyond {@code ln(1 + floor)}. NaN without an interval.
     */
    static double detectableChange(RunLevelRatio.Estimate estimate, double level, double floor) {
        if (!estimate.hasInterval()) {
            return Double.NaN;
        }
        TDistribution t = new TDistribution(Math.min(estimate.df(), 1e9));
        double quantiles = t.inverseCumulativeProbability(0.5 + level / 2) + t.inverseCumulativeProbability(POWER);
        return Math.exp(Math.log1p(floor) + quantiles * estimate.standardError()) - 1;
    }

    private static int rounds(List<double[]> runs) {
        return runs.stream().mapToInt(r -> r.length).sum();
    }

    public String nameA() {
        return nameA;
    }

    public String nameB() {
        return nameB;
    }

    public ComparisonSettings settings() {
        return settings;
    }

    public List<ComparisonRow> rows() {
        return rows;
    }

    public List<RankingAgreement> rankings() {
        return rankings;
    }

    /** The run-level term every interval carries, and where it came from. */
    public RunLevel runLevel() {
        return runLevel;
    }

    /** The level every interval is at, after the adjustment for the comparison's cells. */
    public double intervalLevel() {
        return intervalLevel;
    }

    /** How many runs side A has. */
    public int runsA() {
        return runsA;
    }

    /** How many runs side B has. */
    public int runsB() {
        return runsB;
    }

    /** How many cells were called slower, faster, the same, and how many we cannot tell. */
    public Tally tally() {
        return new Tally((int) rows.stream().filter(ComparisonRow::slower).count(),
                (int) rows.stream().filter(ComparisonRow::faster).count(),
                (int) rows.stream().filter(ComparisonRow::same).count(),
                (int) rows.stream().filter(ComparisonRow::cannotTell).count());
    }

    /** The comparison's answer, counted. */
    public record Tally(int slower, int faster, int same, int cannotTell) {
    }
}
