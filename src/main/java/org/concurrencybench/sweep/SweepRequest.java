package org.concurrencybench.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * The sweep's flags as given, before any is checked: what {@link SweepCommand} parsed, for
 * {@link SweepSettings} to check and resolve. Null where a flag was not given.
 */
public record SweepRequest(boolean smoke, boolean quick, boolean full, List<Integer> cores, List<String> models,
                           List<String> workloads, List<Integer> tasks, int maxBatchSeconds, List<String> spreads,
                           String budget, List<String> params, String label, Path resultsDir, Path chartsDir,
                           Path resume, List<String> python, boolean noPython, Double precision, Integer minRounds,
                           Integer maxRounds, String taskJar, List<String> taskClasses, int taskTimeoutSeconds,
                           String pythonTask, Path pythonPath) {

    /** Whether any flag that picks what a new run measures was given ({@code --resume} takes none). */
    boolean choosesWhatToMeasure() {
        return smoke || quick || full || budget != null || cores != null || models != null || workloads != null
                || tasks != null || label != null || spreads != null || params != null || precision != null
                || minRounds != null || maxRounds != null;
    }
}
