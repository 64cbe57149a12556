package org.concurrencybench.report.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JMH 1.37's {@code -rf json} array into {@link BenchmarkResult}s, coping with what JMH
 * really writes: scores as the string {@code "NaN"}, no {@code rawData} (e.g. with
 * {@code -rf json} after a failed fork), secondary metrics, and parameters as strings.
 */
final class JmhResultParser {

    private JmhResultParser() {
    }

    static List<BenchmarkResult> parse(JsonNode root, Path file) {
        if (!root.isArray()) {
            throw new ReportException(file + ": not JMH JSON output (expected an array of benchmark results, found "
                    + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root) {
            results.add(parseEntry(entry, file, index++));
        }
        return results;
    }

    private static BenchmarkResult parseEntry(JsonNode entry, Path file, int index) {
        JsonNode benchmark = entry.get("benchmark");
        JsonNode primary = entry.get("primaryMetric");
        if (benchmark == null || !benchmark.isTextual() || primary == null || !primary.isObject()) {
            throw new ReportException(file + ": entry " + index
                    + " is not a JMH result (it needs \"benchmark\" and \"primaryMetric\")");
        }
        Map<String, String> params = new LinkedHashMap<>();
        entry.path("params").fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        Map<String, Metric> secondary = new LinkedHashMap<>();
        entry.path("secondaryMetrics").fields()
                .forEachRemaining(field -> secondary.put(field.getKey(), metric(field.getValue())));
        return new BenchmarkResult(benchmark.asText(), entry.path("mode").asText(""),
                entry.path("threads").asInt(1), entry.path("forks").asInt(0),
                Map.copyOf(params), metric(primary), Map.copyOf(secondary));
    }

    private static Metric metric(JsonNode node) {
        JsonNode raw = node.path("rawData");
        double[][] rawData = new double[raw.isArray() ? raw.size() : 0][];
        for (int fork = 0; fork < rawData.length; fork++) {
            JsonNode iterations = raw.get(fork);
            rawData[fork] = new double[iterations.isArray() ? iterations.size() : 0];
            for (int i = 0; i < rawData[fork].length; i++) {
                rawData[fork][i] = number(iterations.get(i));
            }
        }
        return new Metric(number(node.get("score")), number(node.get("scoreError")),
                node.path("scoreUnit").asText(""), rawData);
    }

    /** A number JMH may write as a JSON number or as a string such as "NaN" or "Infinity". */
    static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
