package org.concurrencybench.report.input;

import java.util.ArrayList;
import java.util.List;

/** What runs are called in a report (titles, legends, chart series) and the folders their reports go to. */
public final class RunNames {

    private RunNames() {
    }

    /**
     * Each run's name: its label, or its run id where two runs share a label (two unlabelled runs of
     * one host), or the id and A, B, ... where even those repeat (one folder given twice). Chart
     * series must have distinct names.
     */
    public static List<String> of(List<RunResults> runs) {
        List<String> labels = runs.stream().map(run -> run.machine().displayName()).toList();
        if (labels.stream().distinct().count() == labels.size()) {
            return labels;
        }
        List<String> ids = runs.stream().map(RunResults::runId).toList();
        if (ids.stream().distinct().count() == ids.size()) {
            return ids;
        }
        List<String> lettered = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lettered.add(ids.get(i) + " (" + (char) ('A' + i) + ")");
        }
        return lettered;
    }

    /** The folder a run's own report goes to (inside a comparison's folder, or under {@code charts/}). */
    public static String folderOf(RunResults run) {
        return org.concurrencybench.results.SafeName.of(run.runId());
    }
}
