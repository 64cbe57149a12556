package org.concurrencybench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The charts that put two runs side by side: per workload, both runs' speedup curves on one chart
 * (reference run solid, other run dashed, same colour per model), and across workloads the
 * per-model speed ratio of the two runs at their most cores, absolute and per core.
 */
final class ComparisonCharts {

    private ComparisonCharts() {
    }

    static List<ReportChart> of(String stemPrefix, String nameA, List<WorkloadScaling> a, String nameB,
            List<WorkloadScaling> b) {
        List<ReportChart> charts = new ArrayList<>();
        for (WorkloadScaling workloadA : a) {
            Optional<WorkloadScaling> workloadB = b.stream().filter(w -> w.group().equals(workloadA.group())).findFirst();
            if (workloadB.isPresent() && workloadA.hasOneCoreBaseline() && workloadB.get().hasOneCoreBaseline()) {
                charts.add(speedups(stemPrefix, nameA, workloadA, nameB, workloadB.get()));
            }
        }
        charts.add(ratios(stemPrefix, nameA, a, nameB, b, false));
        charts.add(ratios(stemPrefix, nameA, a, nameB, b, true));
        return charts;
    }

    private static ReportChart speedups(String stemPrefix, String nameA, WorkloadScaling a, String nameB,
            WorkloadScaling b) {
        String title = a.group() + ": speedup over own 1-core SEQUENTIAL (solid: " + nameA + ", dashed: "
                + nameB + ")";
        XYChart chart = ChartStyle.xyChart(title, "cores (log2 scale)", "speedup (x)");
        ChartStyle.coresAxis(chart);
        java.util.SortedSet<Integer> cores = new java.util.TreeSet<>(a.cores());
        cores.addAll(b.cores());
        double[] ideal = ScalingCharts.curveCores(cores);
        ChartStyle.line(chart, "ideal (linear)", ChartStyle.GUIDE, ChartStyle.DOTTED, ScalingCharts.log2(ideal), ideal,
                true);
        List<String> models = new ArrayList<>();
        for (WorkloadScaling run : List.of(a, b)) {
            boolean reference = run == a;
            for (String model : run.models()) {
                List<ScalingCell> cells = run.series(model);
                XYSeries series = ChartStyle.modelSeries(chart, (reference ? nameA : nameB) + ": " + model, model,
                        ScalingCharts.log2Cores(cells),
                        cells.stream().mapToDouble(cell -> cell.speedupOverOneCore().value()).toArray());
                if (!reference) {
                    series.setLineStyle(ChartStyle.DASHED);
                    series.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.SQUARE);
                }
                if (!models.contains(model)) {
                    models.add(model);
                }
            }
        }
        models.sort(ModelPalette.ORDER);
        return new ReportChart(stemPrefix + "-" + ScalingCharts.fileStem(a.group()) + "-speedup", title, chart, models);
    }

    private static ReportChart ratios(String stemPrefix, String nameA, List<WorkloadScaling> a, String nameB,
            List<WorkloadScaling> b, boolean perCore) {
        String title = nameB + " against " + nameA + (perCore ? ": throughput per core" : ": speed")
                + " at each machine's most cores (>1: " + nameB + " better)";
        CategoryChart chart = ChartStyle.barChart(title, "workload",
                perCore ? "per-core throughput ratio (x)" : "speed ratio, time A / time B (x)");
        List<String> groups = new ArrayList<>();
        List<String> models = new ArrayList<>();
        for (WorkloadScaling workloadA : a) {
            b.stream().filter(w -> w.group().equals(workloadA.group())).findFirst().ifPresent(workloadB -> {
                groups.add(workloadA.group());
                workloadA.models().stream().filter(workloadB.models()::contains)
                        .filter(m -> !models.contains(m)).forEach(models::add);
            });
        }
        models.sort(ModelPalette.ORDER);
        for (String model : models) {
            List<Double> values = new ArrayList<>();
            for (String group : groups) {
                WorkloadScaling workloadA = a.stream().filter(w -> w.group().equals(group)).findFirst().orElseThrow();
                WorkloadScaling workloadB = b.stream().filter(w -> w.group().equals(group)).findFirst().orElseThrow();
                values.add(ratio(workloadA, workloadB, model, perCore));
            }
            CategorySeries series = chart.addSeries(model, groups, values);
            series.setFillColor(ModelPalette.colour(model));
        }
        if (models.isEmpty()) {
            chart.addSeries("no shared models", List.of("none"), List.of(0));
        }
        return new ReportChart(stemPrefix + (perCore ? "-ratio-per-core" : "-ratio"), title, chart, models);
    }

    /** A's time over B's at each run's most cores, times A's cores over B's when per core; null when absent. */
    static Double ratio(WorkloadScaling a, WorkloadScaling b, String model, boolean perCore) {
        Optional<ScalingCell> cellA = a.cell(model, a.mostCores());
        Optional<ScalingCell> cellB = b.cell(model, b.mostCores());
        if (cellA.isEmpty() || cellB.isEmpty()) {
            return null;
        }
        double ratio = cellA.get().time().mean() / cellB.get().time().mean();
        return perCore ? ratio * a.mostCores() / b.mostCores() : ratio;
    }
}
