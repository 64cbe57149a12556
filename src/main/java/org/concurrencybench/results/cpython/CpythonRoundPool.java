package org.concurrencybench.results.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.results.BenchmarkResult;
import org.concurrencybench.results.JsonMapping;
import org.concurrencybench.results.RoundFiles;
import org.concurrencybench.results.RoundPool;
import org.concurrencybench.results.RunFolder;

/**
 * Pools CPython's rounds as {@link RoundPool} pools JMH's, with the same routine
 * ({@link BenchmarkResult#pool}): the companion wrote one file per round and core count
 * ({@link RoundFiles#cpythonFile}), each benchmark one trial in each; the pooled
 * {@code cpython-cores-N.json} keeps the companion's shape (docs/cpython.md), so what reads it
 * reads it: its first round's header, each benchmark's trials of every round in round order
 * ({@code rawData} one row per trial, {@code rounds} the round of each row, {@code forks} their
 * count, {@code score} the mean of every value), and the rounds pooled ({@code rounds}). A
 * benchmark that failed in any round is failed (its first reason, naming the round); a round whose
 * runner failed makes the whole core count a runner failure, naming that round.
 */
public final class CpythonRoundPool {

    private static final ObjectMapper JSON = JsonMapping.mapper();

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
        JSON.writeValue(partial.toFile(), pooled.get());
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** The rounds' documents (in round order) as one. */
    static ObjectNode pool(Map<Integer, ObjectNode> byRound) throws IOException {
        for (Map.Entry<Integer, ObjectNode> round : byRound.entrySet()) {
            JsonNode why = round.getValue().get("runnerFailure");
            if (why != null && !why.isNull()) {
                ObjectNode failure = round.getValue().deepCopy();
                failure.put("runnerFailure", "round " + round.getKey() + ": " + why.asText());
                return failure;
            }
        }
        Map<String, List<BenchmarkResult>> benchmarks = new LinkedHashMap<>();
        Map<String, JsonNode> firstEntries = new LinkedHashMap<>();
        Map<String, ObjectNode> failed = new LinkedHashMap<>();
        for (Map.Entry<Integer, ObjectNode> doc : byRound.entrySet()) {
            int round = doc.getKey();
            doc.getValue().path("failed").forEach(f -> failed.computeIfAbsent(key(f), k -> {
                ObjectNode copy = f.deepCopy();
                copy.put("reason", "round " + round + ": " + f.path("reason").asText());
                return copy;
            }));
            for (JsonNode entry : doc.getValue().path("benchmarks")) {
                BenchmarkResult result = JSON.treeToValue(entry, BenchmarkResult.class);
                String key = RoundPool.key(result);
                firstEntries.putIfAbsent(key, entry);
                benchmarks.computeIfAbsent(key, k -> new ArrayList<>()).add(result.withRounds(
                        Collections.nCopies(result.primary().rawData().size(), round)));
            }
        }
        ObjectNode pooled = byRound.values().iterator().next().deepCopy();
        ArrayNode measured = pooled.putArray("benchmarks");
        benchmarks.forEach((key, rounds) -> {
            if (!failed.containsKey(key)) {
                measured.add(entry(firstEntries.get(key), BenchmarkResult.pool(rounds)));
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

    /** A failed benchmark's identity, as {@link RoundPool#key} names a result's. */
    private static String key(JsonNode failed) {
        Map<String, String> params = new LinkedHashMap<>();
        failed.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
        return RoundPool.key(failed.path("benchmark").asText(), params);
    }

    /** The pooled entry in the companion's shape: its first round's, with every round's trials. */
    private static ObjectNode entry(JsonNode first, BenchmarkResult pooled) {
        ObjectNode entry = first.deepCopy();
        ObjectNode metric = entry.get("primaryMetric") instanceof ObjectNode m ? m : entry.putObject("primaryMetric");
        RoundPool.writeScoreAndRawData(metric, pooled.primary());
        ArrayNode rounds = entry.putArray("rounds");
        pooled.rounds().forEach(rounds::add);
        entry.put("forks", pooled.forks());
        return entry;
    }
}
