package org.concurrencybench.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * The sweep's flags as given, before any is checked: what {@link SweepCommand} parsed, for
 * {@link SweepSettings} to check and resolve, grouped by what each group decides. Null where a
 * flag was not given.
 */
public record SweepRequest(Measure measure, Rounds rounds, Folders folders, Pythons pythons, UserTasks userTasks) {

    /**
     * What a new run measures: the profile ({@code --smoke}, {@code --quick}, {@code --full}),
     * {@code --budget}, {@code --cores}, {@code --models}, {@code --workloads}, {@code --tasks},
     * {@code --spread}, {@code --param}, {@code --label} and {@code --max-batch-seconds}.
     */
    public record Measure(boolean smoke, boolean quick, boolean full, String budget, List<Integer> cores,
                          List<String> models, List<String> workloads, List<Integer> tasks, List<String> spreads,
                          List<String> params, String label, int maxBatchSeconds) {
    }

    /** The stopping rule: {@code --precision}, {@code --min-rounds}, {@code --max-rounds}. */
    public record Rounds(Double precision, Integer minRounds, Integer maxRounds) {
    }

    /** Where the run goes ({@code --results}, {@code --charts}) or which run goes on ({@code --resume}). */
    public record Folders(Path resultsDir, Path chartsDir, Path resume) {
    }

    /** The CPython beside the JVM: {@code --python} or {@code --no-python}. */
    public record Pythons(List<String> python, boolean noPython) {
    }

    /**
     * The user's own tasks: {@code --task-jar}, {@code --task}, {@code --task-timeout},
     * {@code --python-task}, {@code --python-path}.
     */
    public record UserTasks(String taskJar, List<String> taskClasses, int taskTimeoutSeconds, String pythonTask,
                            Path pythonPath) {
    }

    /** Whether any flag that picks what a new run measures was given ({@code --resume} takes none). */
    boolean choosesWhatToMeasure() {
        return measure.smoke || measure.quick || measure.full || measure.budget != null || measure.cores != null
                || measure.models != null || measure.workloads != null || measure.tasks != null
                || measure.label != null || measure.spreads != null || measure.params != null
                || rounds.precision != null || rounds.minRounds != null || rounds.maxRounds != null;
    }
}
