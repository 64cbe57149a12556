package org.concurrencybench.report.input;

import java.util.Map;

/**
 * The name a batch cell's workload goes by in the report: the {@code workload} parameter, except
 * for a user's own task ({@code workload=USER}), which is a workload of its own named by its class
 * ({@code task}): "USER Sha256Task". One place, so that sections, outcomes and charts agree.
 */
public final class WorkloadGroups {

    /** The workload of the user's classes, as the benchmark's {@code workload} parameter names it. */
    public static final String USER = "USER";

    private WorkloadGroups() {
    }

    /** The workload's name for a cell with these parameters. */
    public static String of(Map<String, String> params) {
        String workload = params.getOrDefault("workload", "?");
        String task = params.get("task");
        if (!USER.equals(workload) || task == null || task.isBlank()) {
            return workload;
        }
        return USER + " " + task.substring(task.lastIndexOf('.') + 1);
    }

    /** Whether a group is a user's task. */
    public static boolean isUser(String group) {
        return group.startsWith(USER + " ") || group.equals(USER);
    }
}
