package org.concurrencybench.report.sections;

import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.compare.ComparisonRow;
import org.concurrencybench.report.compare.RunComparison;
import org.concurrencybench.report.input.RunResults;
import org.concurrencybench.report.stats.SampleStats;
import org.concurrencybench.report.stats.ScalingFit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code summary.csv}: one row per run, workload, model and core count, full precision, for
 * spreadsheets and scripts; {@code fits.csv} with every scaling fit drawn; and, for comparisons,
 * {@code comparison.csv} with one row per compared cell.
 */
public final class SummaryCsv {

    public static final List<String> CELL_COLUMNS = List.of("run_id", "workload", "model", "cores", "n", "mean_ms",
            "ci_low_ms", "ci_high_ms", "ci_level", "speedup_same_cores", "speedup_same_cores_low",
            "speedup_same_cores_high", "speedup_1core", "speedup_1core_low", "speedup_1core_high", "efficiency",
            "karp_flatt", "unreliable");

    private SummaryCsv() {
    }

    public static String cells(List<RunResults> runs, List<List<WorkloadScaling>> scalings) {
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

    /**
     * The columns of {@code comparison.csv}; ratio = B's time over A's, its interval at
     * {@code level} (the comparison's adjusted level); {@code n_a}, {@code n_b} the rounds of each
     * side, {@code runs_a}, {@code runs_b} its runs; {@code run_noise} the run-level standard
     * deviation used (a fraction) and {@code run_noise_source} where it came from.
     */
    public static final List<String> COMPARISON_COLUMNS = List.of("model", "workload", "cores", "n_a", "n_b", "ratio",
            "ratio_low", "ratio_high", "answer", "run_a", "run_b", "cores_b", "runs_a", "runs_b", "level",
            "run_noise", "run_noise_source", "detectable_change", "min_change");

    public static String comparisons(List<RunComparison> comparisons) {
        StringBuilder out = new StringBuilder();
        line(out, COMPARISON_COLUMNS);
        for (RunComparison comparison : comparisons) {
            for (ComparisonRow row : comparison.rows()) {
                line(out, List.of(row.model(), row.group(), Integer.toString(row.coresA()),
                        Integer.toString(row.roundsA()), Integer.toString(row.roundsB()), num(row.ratio().value()),
                        num(row.ratioLow()), num(row.ratioHigh()), row.answer(), comparison.nameA(), comparison.nameB(),
                        Integer.toString(row.coresB()), Integer.toString(row.runsA()), Integer.toString(row.runsB()),
                        num(comparison.intervalLevel()), num(comparison.runLevel().sd()),
                        comparison.runLevel().source().name().toLowerCase(java.util.Locale.ROOT),
                        num(row.detectableChange()), num(comparison.settings().minChange())));
            }
        }
        return out.toString();
    }

    /** The columns of {@code fits.csv}: one row per fit drawn; core_counts space-separated. */
    static final List<String> FIT_COLUMNS = List.of("model", "workload", "law", "lambda", "sigma", "kappa",
            "peak_cores", "r2", "core_counts", "lambda_low", "lambda_high", "sigma_low", "sigma_high", "kappa_low",
            "kappa_high", "residuals");

    public static String fits(List<WorkloadScaling> scaling) {
        StringBuilder out = new StringBuilder();
        line(out, FIT_COLUMNS);
        for (WorkloadScaling workload : scaling) {
            for (String model : workload.models()) {
                String cores = String.join(" ", workload.series(model).stream()
                        .map(cell -> Integer.toString(cell.cores())).toList());
                for (ScalingFit fit : List.of(workload.amdahlFits().get(model), workload.uslFits().get(model))) {
                    if (fit == null || !fit.fitted()) {
                        continue;
                    }
                    line(out, List.of(model, workload.group(), fit.law().label, num(fit.lambda()), num(fit.sigma()),
                            num(fit.kappa()), num(fit.peakCores()), num(fit.rSquared()), cores, num(fit.lambdaCi().low()),
                            num(fit.lambdaCi().high()), num(fit.sigmaCi().low()), num(fit.sigmaCi().high()),
                            num(fit.kappaCi().low()), num(fit.kappaCi().high()), fit.residuals().label));
                }
            }
        }
        return out.toString();
    }

    private static String num(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
    }

    /** One row of fields, as every CSV file of the report writes it (without the line's end). */
    public static String row(List<String> fields) {
        StringBuilder out = new StringBuilder();
        line(out, fields);
        return out.substring(0, out.length() - 1);
    }

    /** A number as {@link #num} writes it: a leading minus is a sign, not a formula. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|-?inf");

    private static void line(StringBuilder out, List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String raw : fields) {
            String field = org.concurrencybench.report.render.OutputFiles.withoutControlCharacters(raw);
            // OWASP's CSV-injection rule: a field a spreadsheet would run as a formula starts with
            // an apostrophe, and is quoted, so that it reads as the text it is.
            boolean formula = !field.isEmpty() && "=+-@\t".indexOf(field.charAt(0)) >= 0
                    && !NUMBER.matcher(field).matches();
            String text = formula ? "'" + field : field;
            boolean needsQuotes = formula || text.contains(",") || text.contains("\"") || text.contains("\n");
            quoted.add(needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        out.append(String.join(",", quoted)).append('\n');
    }
}
