package org.concurrencybench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Compares run B against reference run A (laptop against server, one JDK against another): every
 * workload and model the two share, at each core count both ran and each at its most cores
 * (absolute and per core), with Mann-Whitney U p-values Holm-adjusted together, and whether the
 * models rank alike.
 */
public final class RunComparison {

    private final String nameA;
    private final String nameB;
    private final List<ComparisonRow> rows;
    private final List<RankingAgreement> rankings;

    private RunComparison(String nameA, String nameB, List<ComparisonRow> rows, List<RankingAgreement> rankings) {
        this.nameA = nameA;
        this.nameB = nameB;
        this.rows = rows;
        this.rankings = rankings;
    }

    public static RunComparison of(String nameA, List<WorkloadScaling> a, String nameB, List<WorkloadScaling> b) {
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
                    compareAt(workloadA, workloadB, cores, cores, unadjusted, rankings);
                }
            }
            if (workloadA.mostCores() != workloadB.mostCores()) {
                compareAt(workloadA, workloadB, workloadA.mostCores(), workloadB.mostCores(), unadjusted, rankings);
            }
        }
        return new RunComparison(nameA, nameB, adjust(unadjusted), rankings);
    }

    private static void compareAt(WorkloadScaling a, WorkloadScaling b, int coresA, int coresB,
            List<ComparisonRow> rows, List<RankingAgreement> rankings) {
        MannWhitneyUTest test = new MannWhitneyUTest();
        List<String> common = new ArrayList<>();
        for (String model : a.models()) {
            Optional<ScalingCell> cellA = a.cell(model, coresA);
            Optional<ScalingCell> cellB = b.cell(model, coresB);
            if (cellA.isEmpty() || cellB.isEmpty()) {
                continue;
            }
            common.add(model);
            SampleStats timeA = cellA.get().time();
            SampleStats timeB = cellB.get().time();
            double change = (timeB.mean() / timeA.mean() - 1) * 100;
            double perCoreChange = (timeA.mean() * coresA / (timeB.mean() * coresB) - 1) * 100;
            double p = pValue(test, timeA.samples(), timeB.samples(), 1, 1);
            double pPerCore = coresA == coresB ? Double.NaN : pValue(test, timeA.samples(), timeB.samples(), coresA, coresB);
            rows.add(new ComparisonRow(a.group(), model, coresA, coresB, timeA, timeB, change, perCoreChange, p,
                    pPerCore, Double.NaN, Double.NaN));
        }
        if (common.size() >= 2) {
            double[] meansA = common.stream().mapToDouble(m -> a.cell(m, coresA).get().time().mean()).toArray();
            double[] meansB = common.stream().mapToDouble(m -> b.cell(m, coresB).get().time().mean()).toArray();
            rankings.add(new RankingAgreement(a.group(), coresA, coresB, fastestFirst(a, common, coresA),
                    fastestFirst(b, common, coresB), new KendallsCorrelation().correlation(meansA, meansB)));
        }
    }

    private static double pValue(MannWhitneyUTest test, double[] a, double[] b, double scaleA, double scaleB) {
        if (a.length == 0 || b.length == 0) {
            return Double.NaN;
        }
        double[] scaledA = java.util.Arrays.stream(a).map(v -> v * scaleA).toArray();
        double[] scaledB = java.util.Arrays.stream(b).map(v -> v * scaleB).toArray();
        return test.mannWhitneyUTest(scaledA, scaledB);
    }

    private static List<String> fastestFirst(WorkloadScaling workload, List<String> models, int cores) {
        return models.stream()
                .sorted(Comparator.comparingDouble(m -> workload.cell(m, cores).get().time().mean())).toList();
    }

    /** Holm-Bonferroni over every p-value of the comparison, absolute and per-core together. */
    private static List<ComparisonRow> adjust(List<ComparisonRow> rows) {
        double[] all = new double[rows.size() * 2];
        for (int i = 0; i < rows.size(); i++) {
            all[2 * i] = rows.get(i).pValue();
            all[2 * i + 1] = rows.get(i).pPerCore();
        }
        double[] adjusted = HolmBonferroni.adjust(all);
        List<ComparisonRow> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow row = rows.get(i);
            result.add(new ComparisonRow(row.group(), row.model(), row.coresA(), row.coresB(), row.a(), row.b(),
                    row.timeChangePercent(), row.perCoreChangePercent(), row.pValue(), row.pPerCore(),
                    adjusted[2 * i], adjusted[2 * i + 1]));
        }
        return List.copyOf(result);
    }

    public String nameA() {
        return nameA;
    }

    public String nameB() {
        return nameB;
    }

    public List<ComparisonRow> rows() {
        return rows;
    }

    public List<RankingAgreement> rankings() {
        return rankings;
    }
}
