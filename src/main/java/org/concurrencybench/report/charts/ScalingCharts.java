package org.concurrencybench.report.charts;

import org.concurrencybench.report.analysis.ScalingAnalysis;
import org.concurrencybench.report.analysis.ScalingCell;
import org.concurrencybench.report.analysis.WorkloadScaling;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;
import org.concurrencybench.report.stats.ScalingFit;

import org.concurrencybench.results.CoreCountLabel;
import org.concurrencybench.results.MachineInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;

/**
 * The four charts of one workload of one run: batch time, speedup (with the ideal line and the
 * fitted Amdahl and USL curves), efficiency against cores, and the models side by side at the most
 * cores with confidence-interval error bars.
 */
public final class ScalingCharts {

    private static final int CURVE_POINTS = 60;

    private ScalingCharts() {
    }

    /**
     * The charts, their ticks labelled as the machine's layout has them ("12 (+8 E)") with a
     * vertical line at each count where the hardware changes; a machine file from before the layout
     * marks ticks past its physical cores as logical CPUs ("16 (2/core)").
     */
    public static List<ReportChart> of(WorkloadScaling workload, String runName, MachineInfo machine) {
        if (machine.pinning().cpuLayout() == null) {
            return of(workload, runName, machine.machine().physicalCores());
        }
        List<ReportChart> charts = of(workload, runName);
        for (ReportChart chart : charts) {
            if (chart.chart() instanceof XYChart xy) {
                ChartStyle.coresAxis(xy, machine::coreAxisLabel);
                BoundaryLines.add(xy, machine.pinning().cpuLayout().boundaries(), workload.cores());
            }
        }
        return charts;
    }

    /** The charts, with ticks past {@code physicalCores} marked as logical CPUs ("16 (2/core)"). */
    public static List<ReportChart> of(WorkloadScaling workload, String runName, int physicalCores) {
        List<ReportChart> charts = of(workload, runName);
        if (workload.cores().stream().anyMatch(n -> CoreCountLabel.logical(n, physicalCores))) {
            for (ReportChart chart : charts) {
                if (chart.chart() instanceof XYChart xy) {
                    ChartStyle.coresAxis(xy, physicalCores);
                    xy.setXAxisTitle(xy.getXAxisTitle() + "; past " + physicalCores + ": logical CPUs (hyperthreads)");
                }
            }
        }
        return charts;
    }

    public static List<ReportChart> of(WorkloadScaling workload, String runName) {
        List<ReportChart> charts = new ArrayList<>();
        String stem = fileStem(workload.group());
        charts.add(time(workload, runName, stem));
        if (workload.hasOneCoreBaseline()) {
            charts.add(speedup(workload, runName, stem));
            charts.add(efficiency(workload, runName, stem));
        }
        charts.add(bars(workload, runName, stem));
        return charts;
    }

    /** A file-name-safe form of a group name: "CPU tasks=256" -> "cpu-tasks-256". */
    public static String fileStem(String group) {
        return group.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static ReportChart time(WorkloadScaling workload, String runName, String stem) {
        String title = runName + " - " + workload.group() + ": time per batch";
        XYChart chart = ChartStyle.xyChart(title, "cores (log2 scale)", "time per batch (ms)");
        ChartStyle.coresAxis(chart);
        ChartStyle.valueAxis(chart, extreme(workload, true), extreme(workload, false));
        for (String model : workload.models()) {
            List<ScalingCell> cells = workload.series(model);
            ChartStyle.modelSeries(chart, model, model, log2Cores(cells),
                    cells.stream().mapToDouble(cell -> cell.time().mean()).toArray());
        }
        return new ReportChart(stem + "-time", title, chart, workload.models());
    }

    private static ReportChart speedup(WorkloadScaling workload, String runName, String stem) {
        org.concurrencybench.report.analysis.WorkloadKind kind =
                org.concurrencybench.report.analysis.WorkloadKind.of(workload.group());
        boolean anyFit = workload.models().stream().filter(kind::perCoreMetrics)
                .map(m -> workload.uslFits().get(m)).anyMatch(f -> f != null && f.fitted());
        String title = runName + " - " + workload.group() + ": speedup over SEQUENTIAL at 1 core"
                + (anyFit ? " (dashed: USL fit, dotted: Amdahl fit)" : "");
        XYChart chart = ChartStyle.xyChart(title, "cores (log2 scale)", "speedup over SEQUENTIAL at 1 core (x)");
        ChartStyle.coresAxis(chart);
        double[] curveCores = curveCores(workload);
        ChartStyle.line(chart, "ideal (linear)", ChartStyle.GUIDE, ChartStyle.DASHED, log2(curveCores), curveCores, true);
        double baselineThroughput = workload.cell(ScalingAnalysis.BASELINE, 1).orElseThrow().throughput();
        for (String model : workload.models()) {
            List<ScalingCell> cells = workload.series(model);
            ChartStyle.modelSeries(chart, model, model, log2Cores(cells),
                    cells.stream().mapToDouble(cell -> cell.speedupOverOneCore().value()).toArray());
            if (kind.perCoreMetrics(model)) { // a fit means something only where the model can run a task per core
                addFit(chart, model, workload.uslFits().get(model), ChartStyle.DASHED, curveCores, baselineThroughput);
                addFit(chart, model, workload.amdahlFits().get(model), ChartStyle.DOTTED, curveCores, baselineThroughput);
            }
        }
        return new ReportChart(stem + "-speedup", title, chart, workload.models());
    }

    private static void addFit(XYChart chart, String model, ScalingFit fit, java.awt.BasicStroke stroke,
            double[] curveCores, double baselineThroughput) {
        if (fit == null || !fit.fitted()) {
            return;
        }
        double[] speedup = new double[curveCores.length];
        for (int i = 0; i < curveCores.length; i++) {
            speedup[i] = fit.throughputAt(curveCores[i]) / baselineThroughput;
        }
        ChartStyle.line(chart, model + " " + fit.law().label + " fit", ModelPalette.colour(model), stroke,
                log2(curveCores), speedup, false);
    }

    private static ReportChart efficiency(WorkloadScaling workload, String runName, String stem) {
        String title = runName + " - " + workload.group() + ": parallel efficiency";
        XYChart chart = ChartStyle.xyChart(title, "cores (log2 scale)", "efficiency (speedup / cores)");
        ChartStyle.coresAxis(chart);
        double[] ends = {workload.cores().first(), workload.mostCores()};
        ChartStyle.line(chart, "ideal (1.0)", ChartStyle.GUIDE, ChartStyle.DASHED, log2(ends), new double[] {1, 1}, true);
        org.concurrencybench.report.analysis.WorkloadKind kind =
                org.concurrencybench.report.analysis.WorkloadKind.of(workload.group());
        List<String> models = workload.models().stream().filter(kind::perCoreMetrics).toList();
        for (String model : models) {
            List<ScalingCell> cells = workload.series(model);
            ChartStyle.modelSeries(chart, model, model, log2Cores(cells),
                    cells.stream().mapToDouble(cell -> cell.efficiency().value()).toArray());
        }
        return new ReportChart(stem + "-efficiency", title, chart, models);
    }

    /**
     * Above this ratio of slowest to fastest mean (a decade) the models are drawn as points with
     * their intervals on a log axis instead of bars: on a linear axis the fast models' bars would be
     * too flat to read, and a bar on a log axis has no true length (it starts from an arbitrary floor).
     */
    static final double LOG_AXIS_SPREAD = 10;

    /**
     * The models at the most cores, each with its interval: bars on a linear axis from zero where the
     * means lie within a decade (a bar twice as long is twice the time), else points and interval
     * lines on a log axis labelled as such ({@link #logPoints}).
     */
    static ReportChart bars(WorkloadScaling workload, String runName, String stem) {
        int cores = workload.mostCores();
        String title = runName + " - " + workload.group() + ": time per batch at " + Numbers.cores(cores) + ", "
                + Numbers.percent(levelOf(workload, cores)) + " CI";
        double[] means = workload.models().stream().flatMap(model -> workload.cell(model, cores).stream())
                .mapToDouble(cell -> cell.time().mean()).filter(mean -> mean > 0).toArray();
        double fastest = java.util.Arrays.stream(means).min().orElse(1);
        double slowest = java.util.Arrays.stream(means).max().orElse(1);
        if (slowest / fastest > LOG_AXIS_SPREAD) {
            return logPoints(workload, cores, title, stem, fastest, slowest);
        }
        CategoryChart chart = ChartStyle.barChart(title, "", "time per batch (ms; black lines: the intervals)");
        chart.getStyler().setYAxisMin(0.0);
        List<String> shown = new ArrayList<>();
        for (String model : workload.models()) {
            workload.cell(model, cores).ifPresent(cell -> {
                double error = cell.time().hasInterval() ? cell.time().halfWidth() : 0;
                CategorySeries series = chart.addSeries(model, List.of(Numbers.cores(cores)), List.of(cell.time().mean()),
                        List.of(error));
                series.setFillColor(ModelPalette.colour(model));
                shown.add(model);
            });
        }
        return new ReportChart(stem + "-bars", title, chart, shown);
    }

    /**
     * The models as points on a log time axis, one column each in legend order, with a vertical line
     * from each interval's low end to its high end. The lines are series of their own, drawn at their
     * values on the log axis; XChart 3.8.8's error bars on a log axis are drawn at linear positions.
     */
    private static ReportChart logPoints(WorkloadScaling workload, int cores, String title, String stem, double fastest,
            double slowest) {
        XYChart chart = ChartStyle.xyChart(title, "models, in the legend's order",
                "time per batch (ms, log scale; lines: the intervals)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.setCustomXAxisTickLabelsFormatter(x -> " "); // the legend names the columns: model names overlap here
        List<String> shown = new ArrayList<>();
        double low = fastest;
        double high = slowest;
        for (String model : workload.models()) {
            java.util.Optional<ScalingCell> found = workload.cell(model, cores);
            if (found.isEmpty()) {
                continue;
            }
            ScalingCell cell = found.get();
            double x = shown.size() + 1;
            shown.add(model);
            ChartStyle.modelSeries(chart, model, model, new double[] {x}, new double[] {cell.time().mean()});
            if (cell.time().hasInterval()) {
                double mean = cell.time().mean();
                double from = Math.max(mean - cell.time().halfWidth(), mean / 100); // a log axis has no zero
                double to = mean + cell.time().halfWidth();
                ChartStyle.line(chart, model + " interval", ModelPalette.colour(model), ChartStyle.SOLID,
                        new double[] {x, x}, new double[] {from, to}, false);
                low = Math.min(low, from);
                high = Math.max(high, to);
            }
        }
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(shown.size() + 0.5);
        AxisLabels.addLog(chart, true, low, high);
        return new ReportChart(stem + "-bars", title, chart, shown);
    }

    private static double levelOf(WorkloadScaling workload, int cores) {
        return workload.models().stream().flatMap(model -> workload.cell(model, cores).stream())
                .mapToDouble(cell -> cell.time().level()).findFirst().orElse(Double.NaN);
    }

    private static double extreme(WorkloadScaling workload, boolean min) {
        var means = workload.models().stream().flatMap(m -> workload.series(m).stream())
                .mapToDouble(cell -> cell.time().mean());
        return (min ? means.min() : means.max()).orElse(Double.NaN);
    }

    /**
     * Core counts for smooth fitted curves: the measured ones plus points at the middles of equal
     * steps on the log-2 axis, leaving out any that fall on a whole core count. The half-step
     * offset matters: XChart puts ticks at the data's x values when they are equally spaced (and
     * then thins them, losing labels), but at round positions otherwise, which the cores axis
     * labels as powers of two.
     */
    static double[] curveCores(WorkloadScaling workload) {
        return curveCores(workload.cores());
    }

    static double[] curveCores(java.util.SortedSet<Integer> measured) {
        double from = ChartStyle.log2(measured.first());
        double to = ChartStyle.log2(measured.last());
        java.util.TreeSet<Double> cores = new java.util.TreeSet<>();
        measured.forEach(count -> cores.add(count.doubleValue()));
        for (int i = 0; i < CURVE_POINTS; i++) {
            double count = Math.pow(2, from + (to - from) * (i + 0.5) / CURVE_POINTS);
            if (!ChartStyle.isWholeCores(count)) {
                cores.add(count);
            }
        }
        return cores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] log2Cores(List<ScalingCell> cells) {
        return cells.stream().mapToDouble(cell -> ChartStyle.log2(cell.cores())).toArray();
    }

    static double[] log2(double[] cores) {
        double[] result = new double[cores.length];
        for (int i = 0; i < cores.length; i++) {
            result[i] = ChartStyle.log2(cores[i]);
        }
        return result;
    }
}
