package org.concurrencybench.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadKind;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.stats.RatioEstimate;
import org.concurrencybench.results.MachineInfo;
import org.concurrencybench.results.Outcome;

/**
 * The table of every model and core count of one workload, kept short without losing a figure:
 * the time and its n share a cell, the two speedups share one where they coincide (at 1 core they
 * are one figure), efficiency and Karp-Flatt share one, and the column is left out where no model
 * has them. With at most {@link #WIDE_UP_TO} core counts a model is one row, a column group per
 * core count (efficiency at 1 core is the speedup, so that group has none); with more, a row per
 * model and core count, since five groups side by side would not fit a screen.
 */
final class ScalingTable {

    /** Up to this many core counts a model's figures go in one row. */
    static final int WIDE_UP_TO = 2;

    /** One model's figures at one core count, in the order of a column group. */
    record Figures(String time, String ratios, String perCore, String reliability) {

        List<String> cells(boolean perCoreColumn) {
            return perCoreColumn ? List.of(time, ratios, perCore, reliability) : List.of(time, ratios, reliability);
        }
    }

    private ScalingTable() {
    }

    /** @param perCoreMetrics whether efficiency and Karp-Flatt mean something here; else {@link ScalingSection#LEFT_OUT} */
    static Figures figures(ScalingCell cell, boolean perCoreMetrics) {
        String same = ratio(cell.speedupSameCores());
        String overOne = ratio(cell.speedupOverOneCore());
        String efficiency = ratio(cell.efficiency());
        String karpFlatt = Double.isNaN(cell.karpFlatt()) || WorkloadKind.isFraction(cell.karpFlatt())
                ? Numbers.format(cell.karpFlatt()) : ScalingSection.NOT_A_FRACTION;
        String perCore = !perCoreMetrics ? ScalingSection.LEFT_OUT
                : efficiency.equals(Numbers.ABSENT) && karpFlatt.equals(Numbers.ABSENT) ? Numbers.ABSENT // no baseline
                : efficiency + "; " + karpFlatt;
        return new Figures(Numbers.withInterval(cell.time().mean(), cell.time().low(), cell.time().high()) + ", n "
                + cell.time().n(), same.equals(overOne) ? same : same + " / " + overOne, perCore,
                (cell.reliable() ? "ok" : "unreliable: " + cell.unreliable())
                        + (cell.roundsNote() == null ? "" : "; " + cell.roundsNote()));
    }

    private static Figures notMeasured(Outcome outcome) {
        String status = outcome.status().name();
        return new Figures(status, Numbers.ABSENT, Numbers.ABSENT,
                status.toLowerCase(Locale.ROOT) + ": " + outcome.reason());
    }

    /** One row per model: few core counts, and every unmeasured cell at one of them (else it would have no column). */
    private static boolean wide(WorkloadScaling workload, List<Outcome> notMeasured) {
        return workload.cores().size() <= WIDE_UP_TO
                && notMeasured.stream().allMatch(outcome -> workload.cores().contains(outcome.cores()));
    }

    /** Whether a column group at these cores has efficiency and Karp-Flatt: not at 1 core, where efficiency is the speedup. */
    private static boolean perCoreIn(int cores, boolean perCoreColumn, boolean wide) {
        return perCoreColumn && !(wide && cores == 1);
    }

    static List<String> headers(WorkloadScaling workload, WorkloadKind kind, MachineInfo machine,
                                List<Outcome> notMeasured, boolean perCoreColumn) {
        String ratio = (kind == WorkloadKind.WAITS ? "overlap factor" : "speedup")
                + " vs SEQUENTIAL [CI], same cores / 1 core where they differ";
        List<String> group = List.of("time per batch (ms) [CI], n", ratio, "efficiency [CI]; Karp-Flatt serial fraction",
                "reliability");
        List<String> headers = new ArrayList<>(List.of("model"));
        if (!wide(workload, notMeasured)) {
            headers.add("cores");
            headers.addAll(pick(group, perCoreColumn));
            return headers;
        }
        for (int cores : workload.cores()) {
            String at = machine.coreLabel(cores) + (cores == 1 ? " core: " : " cores: ");
            pick(group, perCoreIn(cores, perCoreColumn, true)).forEach(header -> headers.add(at + header));
        }
        return headers;
    }

    private static List<String> pick(List<String> group, boolean perCore) {
        return perCore ? group : List.of(group.get(0), group.get(1), group.get(3));
    }

    /** @param notMeasured this workload's cells that FAILED or were SKIPPED: the reason in place of figures */
    static List<List<String>> rows(WorkloadScaling workload, WorkloadKind kind, MachineInfo machine,
                                   List<Outcome> notMeasured, boolean perCoreColumn) {
        Map<String, Map<Integer, Figures>> byModel = new LinkedHashMap<>();
        for (String model : workload.models()) {
            workload.series(model).forEach(cell -> byModel.computeIfAbsent(model, m -> new TreeMap<>())
                    .put(cell.cores(), figures(cell, kind.perCoreMetrics(model))));
        }
        notMeasured.forEach(outcome -> byModel.computeIfAbsent(outcome.model(), m -> new TreeMap<>())
                .put(outcome.cores(), notMeasured(outcome)));
        boolean wide = wide(workload, notMeasured);
        List<List<String>> rows = new ArrayList<>();
        byModel.forEach((model, atCores) -> {
            if (!wide) {
                atCores.forEach((cores, figures) -> {
                    List<String> row = new ArrayList<>(List.of(model, machine.coreLabel(cores)));
                    row.addAll(figures.cells(perCoreColumn));
                    rows.add(row);
                });
                return;
            }
            List<String> row = new ArrayList<>(List.of(model));
            for (int cores : workload.cores()) {
                boolean perCore = perCoreIn(cores, perCoreColumn, true);
                Figures figures = atCores.get(cores);
                if (figures == null) {
                    for (int i = 0; i < (perCore ? 4 : 3); i++) {
                        row.add(Numbers.ABSENT);
                    }
                } else {
                    row.addAll(figures.cells(perCore));
                }
            }
            rows.add(row);
        });
        return rows;
    }

    private static String ratio(RatioEstimate ratio) {
        return Numbers.withInterval(ratio.value(), ratio.low(), ratio.high());
    }
}
