package org.concurrencybench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pools a run's rounds: JMH wrote one file per round and step, each cell one fork in each; a cell's
 * pooled result has every round's fork, in round order, and says which round each fork came from
 * so that cells of the same run can be compared round by round. The pooled entry keeps the shape
 * of JMH's (its {@code source} is the first round's entry with every fork's raw data, the forks
 * counted and the score the mean of every value), so what reads {@code cores-N.json} reads it.
 */
public final class RoundPool {

    /** One cell's pooled result, and the round of each of its forks (the primary metric's raw data, in order). */
    public record Pooled(JmhResult result, List<Integer> rounds) {
    }

    private RoundPool() {
    }

    /** Every cell measured at {@code cores} in the finished rounds, in the order first seen. */
    public static List<Pooled> read(RoundFiles files, int cores) throws IOException {
        Map<String, List<JmhResult>> byCell = new LinkedHashMap<>();
        Map<String, List<Integer>> roundsByCell = new LinkedHashMap<>();
        for (int round : files.finished()) {
            for (Path file : files.stepFiles(round, cores)) {
                for (JmhResult result : JmhResultFile.read(file)) {
                    String key = result.benchmark() + " " + new java.util.TreeMap<>(result.params());
                    byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
                    List<Integer> rounds = roundsByCell.computeIfAbsent(key, k -> new ArrayList<>());
                    result.primaryMetric().rawData().forEach(fork -> rounds.add(round));
                }
            }
        }
        List<Pooled> pooled = new ArrayList<>();
        byCell.forEach((key, results) -> pooled.add(new Pooled(pool(results), List.copyOf(roundsByCell.get(key)))));
        return pooled;
    }

    /** The core counts any finished round measured. */
    public static java.util.SortedSet<Integer> coreCounts(RoundFiles files) throws IOException {
        java.util.SortedSet<Integer> counts = new java.util.TreeSet<>();
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("cores-(\\d+)-.+\\.json");
        for (int round : files.finished()) {
            try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(files.round(round))) {
                entries.forEach(file -> {
                    java.util.regex.Matcher m = name.matcher(file.getFileName().toString());
                    if (m.matches()) {
                        counts.add(RunFolder.number(file, m.group(1), "cores-N-STEP.json"));
                    }
                });
            }
        }
        return counts;
    }

    /** One cell's entries, one per round, as one entry. */
    static JmhResult pool(List<JmhResult> rounds) {
        JmhResult first = rounds.get(0);
        JmhResult.Metric primary = metric(rounds.stream().map(JmhResult::primaryMetric).toList());
        Map<String, JmhResult.Metric> secondary = new LinkedHashMap<>();
        first.secondaryMetrics().keySet().forEach(name -> secondary.put(name, metric(rounds.stream()
                .map(r -> r.secondaryMetrics().get(name)).filter(java.util.Objects::nonNull).toList())));
        int forks = primary.rawData().size();
        ObjectNode source = first.source() == null ? null : first.source().deepCopy();
        if (source != null) {
            source.put("forks", forks);
            write((ObjectNode) source.get("primaryMetric"), primary);
            JsonNode secondaryNode = source.get("secondaryMetrics");
            if (secondaryNode instanceof ObjectNode objects) {
                secondary.forEach((name, metric) -> {
                    if (objects.get(name) instanceof ObjectNode node) {
                        write(node, metric);
                    }
                });
            }
        }
        return new JmhResult(first.benchmark(), first.mode(), first.threads(), forks, first.params(), primary,
                secondary, source);
    }

    private static JmhResult.Metric metric(List<JmhResult.Metric> rounds) {
        List<List<Double>> forks = new ArrayList<>();
        rounds.forEach(m -> forks.addAll(m.rawData()));
        double mean = forks.stream().flatMap(List::stream).filter(Double::isFinite).mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN);
        return new JmhResult.Metric(mean, Double.NaN, rounds.isEmpty() ? "" : rounds.get(0).scoreUnit(), forks);
    }

    /** The pooled metric into JMH's shape: the score, no error of JMH's (the report computes its own), the raw data. */
    private static void write(ObjectNode node, JmhResult.Metric metric) {
        if (Double.isFinite(metric.score())) {
            node.put("score", metric.score());
        } else {
            node.put("score", "NaN");
        }
        node.put("scoreError", "NaN");
        node.remove("scoreConfidence");
        node.remove("scorePercentiles");
        ArrayNode raw = node.putArray("rawData");
        for (List<Double> fork : metric.rawData()) {
            ArrayNode values = raw.addArray();
            fork.forEach(values::add);
        }
    }
}
