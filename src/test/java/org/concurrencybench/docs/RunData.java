package org.concurrencybench.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One committed run, read for the figures check: {@code results/<id>/} (JMH's {@code cores-N.json},
 * CPython's {@code cpython-cores-N.json}, {@code machine.json}, {@code outcomes.json}) or, for a
 * comparison, {@code charts/<id>/comparison.csv}. It answers one lookup of the key language that
 * {@link FigureCheck} documents, and refuses a lookup that matches no cell or more than one.
 */
final class RunData {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A model cell named by workload and model alone is the even batch: these params, unless the key overrides them. */
    static final Map<String, String> EVEN_BATCH = Map.of("spread", "NONE", "chunksize", "1", "order", "AS_GENERATED");

    final String id;
    private final Path results;
    private final Path charts;
    private final Map<String, JsonNode> files = new HashMap<>();
    private List<Map<String, String>> comparison;
    private List<org.concurrencybench.report.analysis.WorkloadScaling> scaling;

    private RunData(String id, Path results, Path charts) {
        this.id = id;
        this.results = results;
        this.charts = charts;
    }

    /** The run {@code id} of the repository at {@code root}; fails when it is not committed there. */
    static RunData open(Path root, String id) {
        Path results = root.resolve("results").resolve(id);
        Path charts = root.resolve("charts").resolve(id);
        boolean run = Files.isRegularFile(results.resolve("machine.json"));
        boolean compare = id.startsWith("compare-") && Files.isRegularFile(charts.resolve("comparison.csv"));
        if (!run && !compare) {
            throw new IllegalArgumentException("run " + id + " is not committed (no results/" + id
                    + "/machine.json" + (id.startsWith("compare-") ? " nor charts/" + id + "/comparison.csv" : "") + ")");
        }
        return new RunData(id, results, charts);
    }

    /** The value a lookup names; {@code kind} is the word before {@code @}, {@code metric} what follows {@code #} or null. */
    double lookup(String kind, int cores, Map<String, String> params, String metric) {
        return switch (kind) {
            case "CPU", "SLEEP", "IO", "MIXED" -> {
                if (metric != null && metric.startsWith("speedup")) {
                    yield speedup(kind, cores, params, metric);
                }
                Map<String, String> p = new LinkedHashMap<>(EVEN_BATCH);
                p.put("workload", kind);
                p.putAll(params);
                yield jmh(cores, "ModelBenchmark", p, metric);
            }
            case "Model" -> jmh(cores, "ModelBenchmark", params, metric);
            case "Convoy" -> jmh(cores, "ConvoyBenchmark", params, metric);
            case "JvmStart" -> jmh(cores, "JvmStartBenchmark", params, metric);
            case "Capacity" -> jmh(cores, "CapacityBenchmark", params, metric);
            case "py" -> cpython(cores, "cpython.batch", params, metric);
            case "pyconvoy" -> cpython(cores, "cpython.convoy", params, metric);
            case "outcome" -> outcome(cores, params, metric);
            case "Cells" -> count(file(results.resolve("cores-" + cores + ".json")), cores, params, false);
            case "Outcomes" -> count(file(results.resolve("outcomes.json")), cores, params, true);
            case "cmp" -> comparison(cores, params, metric);
            case "CmpRows" -> comparisonRows(cores, params).size();
            default -> throw new IllegalArgumentException("unknown lookup kind " + kind);
        };
    }

    /**
     * The report's own speedup (overlap factor) of an even-batch model cell, the paired estimate over
     * the rounds it shares with its baselines: {@code #speedup} over SEQUENTIAL at the same cores,
     * {@code #speedup1} over SEQUENTIAL at 1 core; {@code _lo}/{@code _hi} suffixed, its interval. One
     * value per quantity: a doc quotes what the report prints, never a ratio of means beside it.
     */
    private double speedup(String workload, int cores, Map<String, String> params, String metric) {
        if (scaling == null) {
            org.concurrencybench.report.input.RunResults run = org.concurrencybench.report.input.RunReader.read(results);
            scaling = new org.concurrencybench.report.analysis.ScalingAnalysis(0.95).analyse(run, warning -> { });
        }
        String model = params.get("model");
        if (model == null || params.size() != 1) {
            throw new IllegalArgumentException(workload + "@" + cores + params + "#" + metric
                    + ": a speedup names its model alone (the even batch)");
        }
        org.concurrencybench.report.analysis.ScalingCell cell = scaling.stream().filter(w -> w.group().equals(workload))
                .findFirst().flatMap(w -> w.cell(model, cores)).orElseThrow(() -> new IllegalArgumentException(
                        "no " + workload + " " + model + " at " + cores + " cores in " + id));
        String[] parts = metric.split("_", 2);
        org.concurrencybench.report.stats.RatioEstimate r = switch (parts[0]) {
            case "speedup" -> cell.speedupSameCores();
            case "speedup1" -> cell.speedupOverOneCore();
            default -> throw new IllegalArgumentException("unknown speedup " + metric + ": #speedup or #speedup1");
        };
        return parts.length == 1 ? r.value() : switch (parts[1]) {
            case "lo" -> r.low();
            case "hi" -> r.high();
            default -> throw new IllegalArgumentException("unknown bound " + metric + ": _lo or _hi");
        };
    }

    /** {@code machine.json}'s numeric field, or {@code seconds}: from {@code startedAt} to {@code finishedAt}. */
    double machine(String field) {
        JsonNode m = file(results.resolve("machine.json"));
        if (field.equals("seconds")) {
            return Duration.between(Instant.parse(m.get("startedAt").asText()), Instant.parse(m.get("finishedAt").asText()))
                    .toMillis() / 1000.0;
        }
        JsonNode v = m;
        for (String part : field.split("\\.")) {
            v = v == null ? null : v.get(part);
        }
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("machine.json of " + id + " has no number " + field);
        }
        return v.asDouble();
    }

    /** {@code machine.json}'s text field (e.g. cpuModel), or "" when absent. */
    String machineText(String field) {
        JsonNode v = file(results.resolve("machine.json")).get(field);
        return v == null ? "" : v.asText();
    }

    private double jmh(int cores, String benchmark, Map<String, String> params, String metric) {
        Path f = results.resolve("cores-" + cores + ".json");
        JsonNode entry = single(f, file(f), benchmark, params);
        return metric(entry, metric, f);
    }

    private double cpython(int cores, String benchmark, Map<String, String> params, String metric) {
        // python=3.13 names one interpreter of a run of several (cpython-3.13-cores-N.json)
        Map<String, String> rest = new LinkedHashMap<>(params);
        String python = rest.remove("python");
        Path f = results.resolve("cpython-" + (python == null ? "" : python + "-") + "cores-" + cores + ".json");
        JsonNode entry = single(f, file(f).get("benchmarks"), benchmark, rest);
        return metric(entry, metric, f);
    }

    private JsonNode single(Path f, JsonNode entries, String benchmark, Map<String, String> params) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : entries) {
            String name = e.get("benchmark").asText();
            if (!(name.equals(benchmark) || name.contains("." + benchmark + "."))) {
                continue;
            }
            if (matches(e.get("params"), params)) {
                found.add(e);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(benchmark + params + " matches " + found.size() + " cells in " + rel(f)
                    + (found.size() > 1 ? " (name the params that tell them apart)" : ""));
        }
        return found.get(0);
    }

    private static boolean matches(JsonNode have, Map<String, String> want) {
        for (Map.Entry<String, String> w : want.entrySet()) {
            if (have == null || have.get(w.getKey()) == null || !have.get(w.getKey()).asText().equals(w.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** score (default), {@code n}, {@code lo}/{@code hi} (95% Student-t over every iteration pooled), or a secondary metric. */
    private double metric(JsonNode entry, String metric, Path f) {
        JsonNode primary = entry.get("primaryMetric");
        if (metric == null) {
            return primary.get("score").asDouble();
        }
        if (metric.equals("n") || metric.equals("lo") || metric.equals("hi")) {
            List<Double> v = new ArrayList<>();
            primary.get("rawData").forEach(fork -> fork.forEach(x -> v.add(x.asDouble())));
            int n = v.size();
            if (metric.equals("n")) {
                return n;
            }
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
            return metric.equals("lo") ? mean - half : mean + half;
        }
        JsonNode secondary = entry.path("secondaryMetrics").get(metric);
        if (secondary == null) {
            throw new IllegalArgumentException("no metric " + metric + " in " + rel(f));
        }
        return secondary.get("score").asDouble();
    }

    /** How many entries of a {@code cores-N.json} (or outcomes at N cores) have these params. */
    private static double count(JsonNode entries, int cores, Map<String, String> params, boolean outcomes) {
        int n = 0;
        for (JsonNode e : entries) {
            if ((!outcomes || e.get("cores").asInt() == cores) && matches(e.get("params"), params)) {
                n++;
            }
        }
        return n;
    }

    private double outcome(int cores, Map<String, String> params, String metric) {
        Path f = results.resolve("outcomes.json");
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode o : file(f)) {
            if (o.get("cores").asInt() == cores && matches(o.get("params"), params)) {
                found.add(o);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("outcome" + params + " matches " + found.size() + " cells in " + rel(f));
        }
        JsonNode v = found.get(0).get(metric == null ? "predictedMillis" : metric);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("outcome" + params + " in " + rel(f) + " has no number " + metric);
        }
        return v.asDouble();
    }

    private double comparison(int cores, Map<String, String> params, String metric) {
        List<Map<String, String>> found = comparisonRows(cores, params);
        Map<String, String> want = new LinkedHashMap<>(params);
        want.put("cores", Integer.toString(cores));
        if (found.size() != 1) {
            throw new IllegalArgumentException("cmp" + want + " matches " + found.size() + " rows of charts/" + id + "/comparison.csv");
        }
        String v = found.get(0).get(metric == null ? "ratio" : metric);
        if (v == null) {
            throw new IllegalArgumentException("charts/" + id + "/comparison.csv has no column " + metric);
        }
        return Double.parseDouble(v);
    }

    /**
     * The rows of {@code comparison.csv} at {@code cores} (0: every core count) whose columns match
     * {@code params}: {@code column=value} is equal text, {@code column<=number} and
     * {@code column>=number} (keys ending in {@code <} or {@code >}) compare the column as a number.
     */
    private List<Map<String, String>> comparisonRows(int cores, Map<String, String> params) {
        if (comparison == null) {
            comparison = csv(charts.resolve("comparison.csv"));
        }
        Map<String, String> want = new LinkedHashMap<>(params);
        if (cores > 0) {
            want.put("cores", Integer.toString(cores));
        }
        for (String key : want.keySet()) {
            String column = key.replaceAll("[<>]$", "");
            if (!comparison.isEmpty() && !comparison.get(0).containsKey(column)) {
                throw new IllegalArgumentException("charts/" + id + "/comparison.csv has no column " + column);
            }
        }
        return comparison.stream().filter(r -> want.entrySet().stream().allMatch(w -> holds(r, w.getKey(), w.getValue())))
                .toList();
    }

    private static boolean holds(Map<String, String> row, String key, String value) {
        if (key.endsWith("<")) {
            return Double.parseDouble(row.get(key.substring(0, key.length() - 1))) <= Double.parseDouble(value);
        }
        if (key.endsWith(">")) {
            return Double.parseDouble(row.get(key.substring(0, key.length() - 1))) >= Double.parseDouble(value);
        }
        return value.equals(row.get(key));
    }

    private static List<Map<String, String>> csv(Path f) {
        try {
            List<String> lines = Files.readAllLines(f);
            String[] head = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < head.length && i < cells.length; i++) {
                    row.put(head[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage());
        }
    }

    private JsonNode file(Path f) {
        return files.computeIfAbsent(f.toString(), k -> {
            try {
                return JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + rel(f) + ": " + e.getMessage());
            }
        });
    }

    private String rel(Path f) {
        return "results/" + id + "/" + f.getFileName();
    }
}
