package org.concurrencybench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pools CPython's rounds as {@link RoundPool} pools JMH's: the companion wrote one file per round
 * and core count ({@link RoundFiles#cpythonFile}), each benchmark one trial in each; the pooled
 * {@code cpython-cores-N.json} keeps the companion's shape (docs/cpython.md), so what reads it
 * reads it: its first round's header, each benchmark's trials of every round in round order
 * ({@code rawData} one row per trial, {@code rounds} the round of each row, {@code forks} their
 * count, {@code score} the mean of every value), and the rounds pooled ({@code rounds}). A
 * benchmark that failed in any round is failed (its first reason, naming the round); a round whose
 * runner failed makes the whole core count a runner failure, naming that round.
 */
public final class CpythonRoundPool {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CpythonRoundPool() {
    }

    /** Every finished round's CPython file at {@code cores} pooled; empty when no round has one. */
    public static Optional<ObjectNode> read(RoundFiles files, int cores) throws IOException {
        return read(files, null, cores);
    }

    /** The same, of interpreter {@code label} in a run of several (null: a run of one). */
    public static Optional<ObjectNode> read(RoundFiles files, String label, int cores) throws IOException {
        Map<Integer, ObjectNode> byRound = new LinkedHashMap<>();
        for (int round : files.finished()) {
            Path file = files.cpythonFile(round, label, cores);
            if (Files.isRegularFile(file) && JSON.readTree(file.toFile()) instanceof ObjectNode doc) {
                byRound.put(round, doc);
            }
        }
        return byRound.isEmpty() ? Optional.empty() : Optional.of(pool(byRound));
    }

    /** Pools {@code cores}' rounds into the run folder's {@code cpython-cores-N.json}, whole or not at all; false when none ran. */
    public static boolean write(RoundFiles files, RunFolder folder, int cores) throws IOException {
        return write(files, folder, null, cores);
    }

    /** Pools interpreter {@code label}'s rounds into {@code cpython-LABEL-cores-N.json} (null: a run of one). */
    public static boolean write(RoundFiles files, RunFolder folder, String label, int cores) throws IOException {
        Optional<ObjectNode> pooled = read(files, label, cores);
        if (pooled.isEmpty()) {
            return false;
        }
        Path target = folder.cpythonFile(label, cores);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), pooled.get());
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** The rounds' documents (in round order) as one. */
    static ObjectNode pool(Map<Integer, ObjectNode> byRound) {
        for (Map.Entry<Integer, ObjectNode> round : byRound.entrySet()) {
            JsonNode why = round.getValue().get("runnerFailure");
            if (why != null && !why.isNull()) {
                ObjectNode failure = round.getValue().deepCopy();
                failure.put("runnerFailure", "round " + round.getKey() + ": " + why.asText());
                return failure;
            }
        }
        Map<String, ObjectNode> benchmarks = new LinkedHashMap<>();
        Map<String, ObjectNode> failed = new LinkedHashMap<>();
        byRound.forEach((round, doc) -> {
            doc.path("failed").forEach(f -> failed.computeIfAbsent(key(f), k -> {
                ObjectNode copy = f.deepCopy();
                copy.put("reason", "round " + round + ": " + f.path("reason").asText());
                return copy;
            }));
            doc.path("benchmarks").forEach(b -> add(benchmarks.computeIfAbsent(key(b), k -> start(b)), b, round));
        });
        ObjectNode pooled = byRound.values().iterator().next().deepCopy();
        ArrayNode measured = pooled.putArray("benchmarks");
        benchmarks.forEach((key, entry) -> {
            if (!failed.containsKey(key)) {
                measured.add(finish(entry));
            }
        });
        pooled.putArray("failed").addAll(List.copyOf(failed.values()));
        ArrayNode rounds = pooled.putArray("rounds");
        byRound.keySet().forEach(rounds::add);
        if (pooled.get("profile") instanceof ObjectNode profile) {
            profile.put("forks", byRound.size());
        }
        return pooled;
    }

    /** A benchmark's identity: its name and its params, in name order. */
    private static String key(JsonNode entry) {
        Map<String, String> params = new TreeMap<>();
        entry.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        return entry.path("benchmark").asText() + " " + params;
    }

    /** A pooled entry to fill: the first round's, without its trials. */
    private static ObjectNode start(JsonNode first) {
        ObjectNode entry = first.deepCopy();
        ObjectNode metric = entry.get("primaryMetric") instanceof ObjectNode m ? m : entry.putObject("primaryMetric");
        metric.putArray("rawData");
        entry.putArray("rounds");
        return entry;
    }

    private static void add(ObjectNode entry, JsonNode roundEntry, int round) {
        ArrayNode raw = (ArrayNode) entry.get("primaryMetric").get("rawData");
        ArrayNode rounds = (ArrayNode) entry.get("rounds");
        for (JsonNode trial : roundEntry.path("primaryMetric").path("rawData")) {
            raw.add(trial.deepCopy());
            rounds.add(round);
        }
    }

    /** The entry's count of trials and its mean over every value. */
    private static ObjectNode finish(ObjectNode entry) {
        JsonNode raw = entry.get("primaryMetric").get("rawData");
        double sum = 0;
        int count = 0;
        for (JsonNode trial : raw) {
            for (JsonNode value : trial) {
                if (value.isNumber() && Double.isFinite(value.asDouble())) {
                    sum += value.asDouble();
                    count++;
                }
            }
        }
        entry.put("forks", raw.size());
        ObjectNode metric = (ObjectNode) entry.get("primaryMetric");
        if (count > 0) {
            metric.put("score", sum / count);
        } else {
            metric.put("score", "NaN");
        }
        return entry;
    }
}
