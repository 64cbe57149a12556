package org.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A planned cell that has no measurement, as {@code outcomes.json} records it: it FAILED (JMH's
 * reason, the first line of the exception) or was SKIPPED (the prediction or limit that ruled it
 * out). Every benchmark of a sweep writes here alike: model batches, the convoy, JVM start-up and
 * capacity sizes. A cell that is neither here nor in {@code cores-N.json} was never finished.
 *
 * @param cores           the core count it was planned at
 * @param benchmark       JMH's full benchmark name, e.g. {@code org.concurrencybench.bench.ModelBenchmark.batch}
 * @param params          the JMH parameters that identify the cell (e.g. model, workload, tasks)
 * @param status          FAILED or SKIPPED
 * @param reason          one line: why
 * @param predictedMillis for a skipped size, the predicted batch time; otherwise null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Outcome(int cores, String benchmark, Map<String, String> params, Status status, String reason,
                      Long predictedMillis) {

    /** The states of a cell that has no number. */
    public enum Status {
        /** JMH ran it and it threw, in a warm-up or measured iteration, or it left no result. */
        FAILED,
        /** Not run: predicted too long, or beyond a limit of this machine. */
        SKIPPED
    }

    /** What the reason of a size skipped for the machine's connection limit says (see {@code CapacityPlan}). */
    public static final String CONNECTION_LIMIT = "concurrent connections; this machine has room for";

    /**
     * Sweeps before December 2026 wrote the predictor's time on sizes skipped for the machine's
     * connection limit; that limit is the reason, not a time, so such a skip holds none.
     */
    public Outcome {
        params = Map.copyOf(params == null ? Map.of() : params);
        if (reason != null && reason.contains(CONNECTION_LIMIT)) {
            predictedMillis = null;
        }
    }

    /**
     * Jackson's way in: today's files, and the capacity-only files of earlier sweeps, which had
     * {@code model}, {@code workload} and {@code tasks} as fields of their own.
     */
    @JsonCreator
    static Outcome fromJson(@JsonProperty("cores") int cores, @JsonProperty("benchmark") String benchmark,
                            @JsonProperty("params") Map<String, String> params, @JsonProperty("status") Status status,
                            @JsonProperty("reason") String reason, @JsonProperty("predictedMillis") Long predictedMillis,
                            @JsonProperty("model") String model, @JsonProperty("workload") String workload,
                            @JsonProperty("tasks") Long tasks) {
        Map<String, String> all = new LinkedHashMap<>();
        if (model != null) {
            all.put("model", model);
        }
        if (workload != null) {
            all.put("workload", workload);
        }
        if (tasks != null) {
            all.put("tasks", String.valueOf(tasks));
        }
        if (params != null) {
            all.putAll(params);
        }
        return new Outcome(cores, benchmark == null ? "" : benchmark, all, status == null ? Status.FAILED : status,
                reason == null ? "" : reason, predictedMillis);
    }

    public static Outcome failed(int cores, Cell cell, String reason) {
        return new Outcome(cores, cell.benchmark(), cell.params(), Status.FAILED, reason, null);
    }

    public static Outcome skipped(int cores, Cell cell, String reason, Long predictedMillis) {
        return new Outcome(cores, cell.benchmark(), cell.params(), Status.SKIPPED, reason, predictedMillis);
    }

    /** The cell this outcome is about. */
    public Cell cell() {
        return new Cell(benchmark, params);
    }

    /** The benchmark class's simple name, e.g. {@code CapacityBenchmark}. */
    public String benchmarkClass() {
        String[] parts = benchmark.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    }

    /** The model parameter, or "?" where the benchmark has none. */
    public String model() {
        return params.getOrDefault("model", "?");
    }

    public String workload() {
        return params.getOrDefault("workload", "?");
    }

    /** The batch size parameter, or 0 where the benchmark has none. */
    public long tasks() {
        String tasks = params.get("tasks");
        return tasks == null || !tasks.matches("\\d+") ? 0 : Long.parseLong(tasks);
    }
}
