package org.concurrencybench.report.compare;

import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.Verdict;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.stats.ExactMannWhitney;
import org.concurrencybench.report.stats.HierarchicalBootstrap;
import org.concurrencybench.report.stats.SampleStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;

/**
 * Compares run B against reference run A (laptop against server, one commit against another):
 * every workload and model the two share, at each core count both ran and each at its most cores,
 * and whether the models rank alike.
 *
 * <p>Per cell: the ratio of B's mean time to A's with a {@link HierarchicalBootstrap} interval
 * (forks resampled, then iterations within them); an exact two-sided Mann-Whitney U p-value
 * ({@link ExactMannWhitney}); the p-values of all cells corrected together (Benjamini-Hochberg by
 * default, Holm as an option); and a {@link Verdict}. A change is called only when its adjusted p
 * is below alpha, its interval excludes 1, and it is larger than the noise floor
 * ({@link ComparisonSettings#minChange()}).
 *
 * <p><b>What the test ranks.</b> JMH's forks are the independent samples; iterations within a fork
 * share a JVM's JIT decisions and memory layout, and differ less from each other than forks do, so
 * a test that treats iterations as independent finds "significant" differences between two runs of
 * the same code. The test therefore ranks <em>fork means</em> whenever both sides have at least
 * {@link #MIN_FORKS_FOR_FORK_TEST} forks: the fewest for which the exact test can reach p &lt; 0.05
 * at all (4 against 4: smallest p = 2/70 = 0.029; 3 against 3: 0.1). With fewer forks (the quick
 * profile's one fork) it falls back to the iteration values, which is the best those runs allow but
 * optimistic; the table says which unit each test used, and the verdict still needs the bootstrap
 * interval (within-fork noise only, then) to exclude 1 and the change to beat the noise floor.
 */
public final class RunComparison {

    /** Both sides need this many forks for the test to rank fork means (see the class comment). */
    public static final int MIN_FORKS_FOR_FORK_TEST = 4;

    /** The power the "can detect" line is quoted at: the chance of calling a change of that size. */
    public static final double POWER = 0.8;

    private final String nameA;
    private final String nameB;
    private final ComparisonSettings settings;
    private final List<ComparisonRow> rows;
    private final List<RankingAgreement> rankings;

    private RunComparison(String nameA, String nameB, ComparisonSettings settings, List<ComparisonRow> rows,
            List<RankingAgreement> rankings) {
        this.nameA = nameA;
        this.nameB = nameB;
        this.settings = settings;
        this.rows = rows;
        this.rankings = rankings;
    }

    /** With the default settings at confidence level 0.95. */
    public static RunComparison of(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b) {
        return of(nameA, a, nameB, b, ComparisonSettings.defaults(0.95));
    }

    public static RunComparison of(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b,
            ComparisonSettings settings) {
        List<ComparisonRow> unadjusted = new ArrayList<>();
        List<RankingAgreement> rankings = new ArrayList<>();
        for (WorkloadScaling workloadA : a) {
            Optional<WorkloadScaling> match = b.stream().filter(w -> w.group().equals(workloadA.group())).findFirst();
            if (match.isEmpty()) {
                continue;
            }
            WorkloadScaling workloadB = match.get();
            for (int cores : workloadA.cores()) {
                if (workloadB.cores().contains(cores)) {
                    compareAt(workloadA, workloadB, cores, cores, settings, unadjusted, rankings);
                }
            }
            if (workloadA.mostCores() != workloadB.mostCores()) {
                compareAt(workloadA, workloadB, workloadA.mostCores(), workloadB.mostCores(), settings, unadjusted,
                        rankings);
            }
        }
        return new RunComparison(nameA, nameB, settings, decide(unadjusted, settings), rankings);
    }

    private static void compareAt(WorkloadScaling a, WorkloadScaling b, int coresA, int coresB,
            ComparisonSettings settings, List<ComparisonRow> rows, List<RankingAgreement> rankings) {
        List<String> common = new ArrayList<>();
        for (String model : a.models()) {
            Optional<ScalingCell> cellA = a.cell(model, coresA);
            Optional<ScalingCell> cellB = b.cell(model, coresB);
            if (cellA.isEmpty() || cellB.isEmpty()) {
                continue;
            }
            common.add(model);
            rows.add(compareCell(a.group(), model, coresA, coresB, cellA.get().time(), cellB.get().time(), settings));
        }
        if (common.size() >= 2) {
            double[] meansA = common.stream().mapToDouble(m -> a.cell(m, coresA).get().time().mean()).toArray();
            double[] meansB = common.stream().mapToDouble(m -> b.cell(m, coresB).get().time().mean()).toArray();
            rankings.add(new RankingAgreement(a.group(), coresA, coresB, fastestFirst(a, common, coresA),
                    fastestFirst(b, common, coresB), new KendallsCorrelation().correlation(meansA, meansB)));
        }
    }

    /** One cell, before the correction for many cells (its verdict is decided with the others). */
    static ComparisonRow compareCell(String group, String model, int coresA, int coresB, SampleStats timeA,
            SampleStats timeB, ComparisonSettings settings) {
        double[][] forksA = timeA.forks();
        double[][] forksB = timeB.forks();
        boolean byForks = forksA.length >= MIN_FORKS_FOR_FORK_TEST && forksB.length >= MIN_FORKS_FOR_FORK_TEST;
        double[] unitsA = byForks ? HierarchicalBootstrap.forkMeans(forksA) : timeA.samples();
        double[] unitsB = byForks ? HierarchicalBootstrap.forkMeans(forksB) : timeB.samples();
        HierarchicalBootstrap.Result bootstrap = HierarchicalBootstrap.ratioOfMeans(forksA, forksB, settings.level());
        double p = ExactMannWhitney.pValue(unitsA, unitsB);
        return new ComparisonRow(group, model, coresA, coresB, timeA, timeB, bootstrap,
                byForks ? ComparisonRow.TestUnit.FORKS : ComparisonRow.TestUnit.ITERATIONS, unitsA.length,
                unitsB.length, p, Double.NaN, detectableChange(bootstrap, unitsA.length, unitsB.length, settings),
                null);
    }

    /**
     * The smallest change (a fraction) this cell would call with probability {@link #POWER}: the
     * noise of the log ratio (the bootstrap's standard deviation) times {@code z(1 - alpha/2) +
     * z(power)}, and never below the noise floor. NaN when the exact test cannot reach alpha with
     * these sample sizes: then no change of any size can be called.
     */
    static double detectableChange(HierarchicalBootstrap.Result bootstrap, int unitsA, int unitsB,
            ComparisonSettings settings) {
        if (ExactMannWhitney.smallestPValue(unitsA, unitsB) > settings.alpha()) {
            return Double.NaN;
        }
        NormalDistribution normal = new NormalDistribution();
        double z = normal.inverseCumulativeProbability(1 - settings.alpha() / 2)
                + normal.inverseCumulativeProbability(POWER);
        return Math.max(settings.minChange(), Math.exp(z * bootstrap.sdLogRatio()) - 1);
    }

    /** Adjusts every p-value of the comparison together, then decides each cell's verdict. */
    private static List<ComparisonRow> decide(List<ComparisonRow> rows, ComparisonSettings settings) {
        double[] adjusted = settings.adjustment().adjust(rows.stream().mapToDouble(ComparisonRow::pValue).toArray());
        List<ComparisonRow> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow row = rows.get(i);
            result.add(row.decided(adjusted[i], verdict(row, adjusted[i], settings)));
        }
        return List.copyOf(result);
    }

    /**
     * Too few samples to tell when the exact test cannot reach alpha at all; faster or slower when
     * the adjusted p is below alpha, the interval excludes 1 and the change beats the noise floor;
     * otherwise no difference.
     */
    static Verdict verdict(ComparisonRow row, double pAdjusted, ComparisonSettings settings) {
        if (row.unitsA() < 2 || row.unitsB() < 2
                || ExactMannWhitney.smallestPValue(row.unitsA(), row.unitsB()) > settings.alpha()) {
            return Verdict.TOO_FEW_SAMPLES;
        }
        boolean significant = pAdjusted < settings.alpha();
        boolean excludesOne = row.ratioHigh() < 1 || row.ratioLow() > 1;
        boolean large = Math.abs(row.ratio() - 1) >= settings.minChange();
        if (significant && excludesOne && large) {
            return row.ratio() < 1 ? Verdict.FASTER : Verdict.SLOWER;
        }
        return Verdict.NO_DIFFERENCE;
    }

    private static List<String> fastestFirst(WorkloadScaling workload, List<String> models, int cores) {
        return models.stream()
                .sorted(Comparator.comparingDouble(m -> workload.cell(m, cores).get().time().mean())).toList();
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
}
