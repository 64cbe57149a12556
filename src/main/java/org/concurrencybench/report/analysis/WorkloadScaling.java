package org.concurrencybench.report.analysis;

import org.concurrencybench.report.stats.ScalingFit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A run's scaling results for one workload (a "group": the workload name, plus any benchmark
 * parameter that differs between result entries, e.g. {@code CPU tasks=256}): every model at every
 * core count, and each model's Amdahl and USL fits.
 */
public record WorkloadScaling(String group, List<String> models, SortedSet<Integer> cores,
        Map<String, Map<Integer, ScalingCell>> cells, Map<String, ScalingFit> amdahlFits,
        Map<String, ScalingFit> uslFits, boolean hasBaseline, boolean hasOneCoreBaseline) {

    public Optional<ScalingCell> cell(String model, int cores) {
        return Optional.ofNullable(cells.getOrDefault(model, Map.of()).get(cores));
    }

    public int mostCores() {
        return cores.last();
    }

    /** The cells of a model, ascending cores. */
    public List<ScalingCell> series(String model) {
        return cells.getOrDefault(model, Map.of()).values().stream().toList();
    }
}
