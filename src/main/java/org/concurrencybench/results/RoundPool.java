package org.concurrencybench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pools a run's rounds: JMH wrote one file per round and step, each cell one fork in each; a cell's
 * pooled result ({@link BenchmarkResult#pool}) has every round's fork, in round order, and the round
 * each fork came from, so that cells of the same run can be compared round by round. The pooled
 * entry keeps the shape of JMH's (the first round's entry with every fork's raw data, the forks
 * counted and the score the mean of every value), so what reads {@code cores-N.json} reads it.
 */
public final class RoundPool {

    /** One cell's pooled result (its rounds named), and the entry in JMH's shape to write into {@code cores-N.json}. */
    public record Pooled(BenchmarkResult result, JsonNode jmhEntry) {
    }

    private RoundPool() {
    }

    /** Every cell measured at {@code cores} in the finished rounds, in the order first seen. */
    public static List<Pooled> read(RoundFiles files, int cores) throws IOException {
        Map<String, List<JmhResultFile.Entry>> byCell = new LinkedHashMap<>();
        for (int round : files.finished()) {
            for (Path file : files.stepFiles(round, cores)) {
                for (JmhResultFile.Entry entry : JmhResultFile.entries(file)) {
                    BenchmarkResult result = entry.result();
                    List<Integer> rounds = Collections.nCopies(result.primary().rawData().size(), round);
                    byCell.computeIfAbsent(key(result), k -> new ArrayList<>())
                            .add(new JmhResultFile.Entry(result.withRounds(rounds), entry.source()));
                }
            }
        }
        List<Pooled> pooled = new ArrayList<>();
        byCell.values().forEach(entries -> pooled.add(pool(entries)));
        return pooled;
    }

    /** A cell's identity across rounds: its benchmark and its params, in name order. */
    public static String key(BenchmarkResult result) {
        return key(result.benchmark(), result.params());
    }

    /** The same identity from its parts (a failed benchmark has no result to take them from). */
    public static String key(String benchmark, Map<String, String> params) {
        return benchmark + " " + new TreeMap<>(params);
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

    /** One cell's entries, one per round, as one. */
    static Pooled pool(List<JmhResultFile.Entry> rounds) {
        BenchmarkResult pooled = BenchmarkResult.pool(rounds.stream().map(JmhResultFile.Entry::result).toList());
        ObjectNode source = rounds.get(0).source().deepCopy();
        source.put("forks", pooled.forks());
        write((ObjectNode) source.get("primaryMetric"), pooled.primary());
        if (source.get("secondaryMetrics") instanceof ObjectNode objects) {
            pooled.secondary().forEach((name, metric) -> {
                if (objects.get(name) instanceof ObjectNode node) {
                    write(node, metric);
                }
            });
        }
        return new Pooled(pooled, source);
    }

    /** The pooled metric into JMH's shape: the score, no error of JMH's (the report computes its own), the raw data. */
    private static void write(ObjectNode node, Metric metric) {
        writeScoreAndRawData(node, metric);
        node.put("scoreError", "NaN");
        node.remove("scoreConfidence");
        node.remove("scorePercentiles");
    }

    /** A pooled metric's score ("NaN" when it has none, as JMH writes it) and raw data into its node. */
    public static void writeScoreAndRawData(ObjectNode node, Metric metric) {
        if (Double.isFinite(metric.score())) {
            node.put("score", metric.score());
        } else {
            node.put("score", "NaN");
        }
        ArrayNode raw = node.putArray("rawData");
        for (List<Double> fork : metric.rawData()) {
            ArrayNode values = raw.addArray();
            fork.forEach(values::add);
        }
    }
}
