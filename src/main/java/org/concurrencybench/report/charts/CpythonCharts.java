package org.concurrencybench.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.report.analysis.CpythonComparison;
import org.concurrencybench.report.render.Numbers;
import org.concurrencybench.report.render.ReportChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of real CPython beside the simulation: per workload, the speedups of CPython's forms
 * (solid) and of their paired JVM models (dashed, in the model's colour) on the cores axis; and the
 * convoy's round trips per second beside k CPU-bound threads, per switch interval, at the most cores.
 */
public final class CpythonCharts {

    private CpythonCharts() {
    }

    public static ReportChart speedupChart(List<CpythonComparison.SpeedupRow> rows, String workload, String runName) {
        return speedupChart(rows, workload, runName, null);
    }

    /** The chart of one interpreter of several ({@code label}; null: the only one). */
    public static ReportChart speedupChart(List<CpythonComparison.SpeedupRow> rows, String workload, String runName,
                                    String label) {
        String title = runName + " - " + workload + ": CPython" + (label == null ? "" : " " + label)
                + " (solid) and its simulation (dashed)";
        XYChart chart = ChartStyle.xyChart(title, "cores (log2 scale)", "speedup over sequential at 1 core");
        List<String> models = new ArrayList<>();
        for (String form : rows.stream().map(CpythonComparison.SpeedupRow::form).distinct().toList()) {
            List<CpythonComparison.SpeedupRow> of = rows.stream().filter(r -> r.form().equals(form)).toList();
            String model = of.get(0).model();
            models.add(model);
            addSeries(chart, "CPython " + form, model, of.stream().filter(r -> r.cpython().present()).toList(), true);
            addSeries(chart, "JVM " + model, model, of.stream().filter(r -> r.jvm().present()).toList(), false);
        }
        ChartStyle.coresAxis(chart);
        return new ReportChart(chartName(label, workload.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")),
                title, chart, models);
    }

    private static void addSeries(XYChart chart, String name, String model, List<CpythonComparison.SpeedupRow> rows,
                                  boolean cpython) {
        if (rows.isEmpty()) {
            return;
        }
        // On the cores axis as every scaling chart draws it: log2 of the count, labelled with the count.
        double[] x = rows.stream().mapToDouble(r -> ChartStyle.log2(r.cores())).toArray();
        double[] y = rows.stream().mapToDouble(r -> (cpython ? r.cpython() : r.jvm()).value()).toArray();
        XYSeries series = ChartStyle.modelSeries(chart, name, model, x, y);
        if (!cpython) {
            series.setLineStyle(ChartStyle.DASHED);
            series.setMarker(SeriesMarkers.SQUARE);
        }
    }

    public static ReportChart convoyChart(List<CpythonComparison.ConvoyRow> rows, String runName) {
        return convoyChart(rows, runName, null);
    }

    /** The convoy chart of one interpreter of several ({@code label}; null: the only one). */
    public static ReportChart convoyChart(List<CpythonComparison.ConvoyRow> rows, String runName, String label) {
        int cores = rows.stream().mapToInt(CpythonComparison.ConvoyRow::cores).max().orElse(1);
        String title = runName + " - convoy: CPython" + (label == null ? "" : " " + label)
                + " (solid) and the simulation (dashed), " + Numbers.cores(cores);
        XYChart chart = ChartStyle.xyChart(title, "CPU-bound neighbour threads", "round trips per second (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        List<CpythonComparison.ConvoyRow> at = rows.stream().filter(r -> r.cores() == cores).toList();
        for (int micros : at.stream().map(CpythonComparison.ConvoyRow::switchMicros).distinct().toList()) {
            List<CpythonComparison.ConvoyRow> line = at.stream().filter(r -> r.switchMicros() == micros).toList();
            chart.addSeries("CPython, switch " + micros + " \u00b5s",
                    line.stream().mapToDouble(CpythonComparison.ConvoyRow::cpuThreads).toArray(),
                    line.stream().mapToDouble(r -> r.cpython().mean()).toArray());
            List<CpythonComparison.ConvoyRow> jvm = line.stream().filter(r -> r.jvm() != null).toList();
            if (!jvm.isEmpty()) {
                XYSeries series = chart.addSeries("JVM, switch " + micros + " \u00b5s",
                        jvm.stream().mapToDouble(CpythonComparison.ConvoyRow::cpuThreads).toArray(),
                        jvm.stream().mapToDouble(r -> r.jvm().mean()).toArray());
                series.setLineStyle(ChartStyle.DASHED);
            }
        }
        return new ReportChart(chartName(label, "convoy"), title, chart, List.of());
    }

    /** A chart's file name, made the interpreter's own in a run of several: "cpython-3.13t-cpu". */
    private static String chartName(String label, String name) {
        return label == null ? "cpython-" + name : "cpython-" + label + "-" + name;
    }
}
