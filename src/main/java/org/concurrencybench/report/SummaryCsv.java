package org.concurrencybench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary.csv}: one row per run, workload, model and core count, full precision, for
 * spreadsheets and scripts; and, for comparisons, {@code comparison.csv} with one row per test.
 */
final class SummaryCsv {

    static final List<String> CELL_COLUMNS = List.of("run_id", "workload", "model", "cores", "n", "mean_ms",
            "ci_low_ms", "ci_high_ms", "ci_level", "speedup_same_cores", "speedup_same_cores_low",
            "speedup_same_cores_high", "speedup_1core", "speedup_1core_low", "speedup_1core_high", "efficiency",
            "karp_flatt", "unreliable");

    private SummaryCsv() {
    }

    static String cells(List<RunResults> runs, List<List<WorkloadScaling>> scalings) {
        StringBuilder out = new StringBuilder();
        line(out, CELL_COLUMNS);
        for (int i = 0; i < runs.size(); i++) {
            for (WorkloadScaling workload : scalings.get(i)) {
                for (String model : workload.models()) {
                    for (ScalingCell cell : workload.series(model)) {
                        SampleStats t = cell.time();
                        line(out, List.of(runs.get(i).runId(), workload.group(), model, Integer.toString(cell.cores()),
                                Integer.toString(t.n()), num(t.mean()), num(t.low()), num(t.high()), num(t.level()),
                                num(cell.speedupSameCores().value()), num(cell.speedupSameCores().low()),
                                num(cell.speedupSameCores().high()), num(cell.speedupOverOneCore().value()),
                                num(cell.speedupOverOneCore().low()), num(cell.speedupOverOneCore().high()),
                                num(cell.efficiency().value()), num(cell.karpFlatt()),
                                cell.unreliable() == null ? "" : cell.unreliable()));
                    }
                }
            }
        }
        return out.toString();
    }

    static String comparisons(List<RunComparison> comparisons) {
        StringBuilder out = new StringBuilder();
        line(out, List.of("run_a", "run_b", "workload", "model", "cores_a", "cores_b", "mean_a_ms", "mean_b_ms",
                "time_change_percent", "per_core_throughput_change_percent", "p_mann_whitney", "p_holm",
                "p_per_core", "p_per_core_holm"));
        for (RunComparison comparison : comparisons) {
            for (ComparisonRow row : comparison.rows()) {
                line(out, List.of(comparison.nameA(), comparison.nameB(), row.group(), row.model(),
                        Integer.toString(row.coresA()), Integer.toString(row.coresB()), num(row.a().mean()),
                        num(row.b().mean()), num(row.timeChangePercent()), num(row.perCoreChangePercent()),
                        num(row.pValue()), num(row.pAdjusted()), num(row.pPerCore()), num(row.pPerCoreAdjusted())));
            }
        }
        return out.toString();
    }

    private static String num(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
    }

    private static void line(StringBuilder out, List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n");
            quoted.add(needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        out.append(String.join(",", quoted)).append('\n');
    }
}
