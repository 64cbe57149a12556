package org.concurrencybench.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.results.MachineInfo;

/**
 * Whether a reader can trace the report's numbers to committed code: the sweep records the
 * suite's commit with a {@code -dirty} suffix when the tree had uncommitted changes, so the code
 * that measured is unknown; and two runs made by different commits may differ by code, not by
 * machine. Each is one warning line at the top of the report.
 */
public final class Provenance {

    static final String DIRTY = "-dirty";

    private Provenance() {
    }

    /** The lines to show first: a dirty tree per run, then different commits across the runs. */
    public static List<String> warnings(List<MachineInfo> runs) {
        List<String> lines = new ArrayList<>();
        for (MachineInfo run : runs) {
            String commit = run.suiteCommit();
            if (commit != null && commit.endsWith(DIRTY)) {
                lines.add("Warning: " + run.displayName() + " was measured from a tree with uncommitted changes (suite commit "
                        + commit + "); its code is not the commit's.");
            }
        }
        Map<String, String> commitByRun = new LinkedHashMap<>();
        for (MachineInfo run : runs) {
            commitByRun.put(run.displayName(), commit(run));
        }
        if (commitByRun.values().stream().distinct().count() > 1) {
            List<String> named = commitByRun.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
            lines.add("Warning: the runs were made by different commits of the suite (" + String.join(", ", named)
                    + "); a difference may come from the code, not the machine.");
        }
        return lines;
    }

    private static String commit(MachineInfo run) {
        String commit = run.suiteCommit();
        if (commit == null || commit.isBlank()) {
            return "unknown";
        }
        return commit.endsWith(DIRTY) ? commit.substring(0, commit.length() - DIRTY.length()) : commit;
    }
}
