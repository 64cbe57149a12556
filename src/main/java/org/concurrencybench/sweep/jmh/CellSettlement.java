package org.concurrencybench.sweep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.Cell;
import org.concurrencybench.results.Outcome;

/**
 * Gives every cell one JMH invocation planned its state: FAILED if JMH reported a failure for it
 * (any iteration, warm-up included: a number from a benchmark that threw is not a result), else
 * measured if JMH wrote its result, else FAILED for want of a result. So no planned cell vanishes,
 * and nothing that failed is kept as a number.
 */
public final class CellSettlement {

    /** JMH's result entries of the measured cells, and the cells that failed. */
    public record Settled(List<JsonNode> measured, List<Outcome> failed) {
    }

    private CellSettlement() {
    }

    /**
     * @param results         JMH's entries from its {@code -rf json} file (benchmark, params, primaryMetric...)
     * @param noResultReason  what to say of a cell with neither a result nor a failure
     */
    public static Settled settle(int cores, List<Cell> planned, List<JsonNode> results, List<JmhConsole.Failure> failures,
                          String noResultReason) {
        List<JsonNode> measured = new ArrayList<>();
        List<Outcome> failed = new ArrayList<>();
        List<JsonNode> unclaimed = new ArrayList<>(results);
        for (Cell cell : planned) {
            List<JsonNode> own = unclaimed.stream().filter(r -> cell.matches(r.path("benchmark").asText(), params(r)))
                    .toList();
            unclaimed.removeAll(own);
            JmhConsole.Failure failure = failures.stream().filter(f -> cell.matches(f.benchmark(), f.params()))
                    .findFirst().orElse(null);
            if (failure != null) {
                failed.add(Outcome.failed(cores, cell, failure.reason()));
            } else if (own.isEmpty()) {
                failed.add(Outcome.failed(cores, cell, noResultReason));
            } else {
                measured.addAll(own);
            }
        }
        // Entries no planned cell claims (none today) are kept as JMH wrote them, unless they failed.
        for (JsonNode extra : unclaimed) {
            boolean threw = failures.stream().anyMatch(f -> f.benchmark().equals(extra.path("benchmark").asText())
                    && f.params().equals(params(extra)));
            if (!threw) {
                measured.add(extra);
            }
        }
        return new Settled(measured, failed);
    }

    public static Map<String, String> params(JsonNode result) {
        Map<String, String> params = new LinkedHashMap<>();
        result.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return params;
    }
}
